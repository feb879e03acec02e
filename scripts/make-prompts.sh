#!/usr/bin/env bash
# Regenerates the IVR prompts from resources/prompts/zh/prompts.json with the server's TTS
# (main/server/ivr/tts/synthesize.ts: espeak-ng → sox, 8 kHz mono 16-bit PCM WAV, repeatable).
# Needs espeak-ng and sox (apt). Usage:
#   scripts/make-prompts.sh            # every prompt
#   scripts/make-prompts.sh welcome    # only these ids
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx scripts/make-prompts.ts "$@"
