#!/usr/bin/env bash
# Regenerates the IVR prompts from resources/prompts/zh/prompts.json (id → text):
# espeak-ng (Mandarin) → sox: silence trimmed at both ends, normalised, 8 kHz mono 16-bit PCM WAV,
# the format the media engine plays. Needs espeak-ng, sox and jq (apt). Usage:
#   scripts/make-prompts.sh            # every prompt
#   scripts/make-prompts.sh welcome    # only these ids
set -euo pipefail
cd "$(dirname "$0")/.."
dir=resources/prompts/zh
list="$dir/prompts.json"
for tool in espeak-ng sox jq; do command -v "$tool" >/dev/null || { echo "make-prompts: $tool is missing (apt-get install $tool)" >&2; exit 1; }; done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then mapfile -t ids < <(jq -r 'keys[]' "$list"); fi

for id in "${ids[@]}"; do
  text=$(jq -er --arg id "$id" '.[$id]' "$list") || { echo "make-prompts: no prompt '$id' in $list" >&2; exit 1; }
  espeak-ng -v cmn -s 185 -w "$tmp/raw.wav" "$text"
  # -R: repeatable output (no random dither), so unchanged text gives an unchanged file.
  # Leading silence trimmed, inner pauses cut to 0.25 s, the tail trimmed (reversed), then 60 ms of quiet both sides.
  sox -R "$tmp/raw.wav" -b 16 -e signed-integer "$dir/$id.wav" \
    silence -l 1 0.02 0.5% -1 0.25 0.5% reverse silence 1 0.02 0.5% reverse \
    gain -n -3 rate 8000 channels 1 pad 0.06 0.06
done

# Prompts whose id left the list are removed.
for f in "$dir"/*.wav; do
  id=$(basename "$f" .wav)
  jq -e --arg id "$id" 'has($id)' "$list" >/dev/null || rm -v "$f"
done
echo "make-prompts: ${#ids[@]} prompt(s) in $dir, $(du -sh "$dir" | cut -f1) in all"
