/** Han text as overlapping 2-character words for the kb_bigrams index; other text is kept as words. */

const HAN_RUN = /\p{Script=Han}+/gu;
export const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

export function bigramText(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    const chars = Array.from(run);
    if (chars.length < 2) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i + 2 <= chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    return ` ${grams.join(' ')} `;
  });
}
