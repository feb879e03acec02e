/**
 * A phone number as the supervision screens show it: the middle hidden (139****9000), so that a
 * board on a wall or a screenshot does not spread callers' numbers. Portable: no Node or DOM.
 */
export function maskNumber(raw: string): string {
  const n = raw.trim();
  if (n.length >= 8) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  if (n.length >= 5) return `****${n.slice(-4)}`;
  return '****';
}
