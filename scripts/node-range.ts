// Does a Node version satisfy an `engines.node` range? Enough of npm's semver ranges for the
// ones in package-lock.json (||, >=, >, <, <=, ^, ~, x/* wildcards, bare majors), without
// depending on semver, which is only a transitive package here.

type Triple = [number, number, number];

const cmp = (a: Triple, b: Triple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export function parseVersion(version: string): Triple {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function comparator(token: string, v: Triple): boolean {
  if (token === '*' || token === 'x' || token === '') return true;
  const m = /^(>=|<=|>|<|=|\^|~)?v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[\w.]+)?$/.exec(token);
  if (!m) throw new Error(`unsupported range part: ${token}`);
  const op = m[1] ?? '';
  const parts = [m[2], m[3], m[4]].map((p) => (p === undefined || p === 'x' || p === '*' ? undefined : Number(p)));
  const given = parts.findIndex((p) => p === undefined);
  const exact = given === -1; // all three numbers given
  const low: Triple = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  // The first version above a partial one: 20 → 21.0.0, 20.19 → 20.20.0.
  const next = (depth: number): Triple => (depth <= 0 ? [low[0] + 1, 0, 0] : depth === 1 ? [low[0], low[1] + 1, 0] : [low[0], low[1], low[2] + 1]);
  const partialEnd = exact ? next(2) : next(given - 1);
  switch (op) {
    case '>=':
      return cmp(v, low) >= 0;
    case '>':
      return cmp(v, exact ? low : partialEnd) > (exact ? 0 : -1);
    case '<':
      return cmp(v, low) < 0;
    case '<=':
      return exact ? cmp(v, low) <= 0 : cmp(v, partialEnd) < 0;
    case '^':
      return cmp(v, low) >= 0 && cmp(v, low[0] > 0 || given === 1 ? next(0) : low[1] > 0 ? next(1) : next(2)) < 0;
    case '~':
      return cmp(v, low) >= 0 && cmp(v, given === 1 ? next(0) : next(1)) < 0;
    default:
      return cmp(v, low) >= 0 && cmp(v, partialEnd) < 0;
  }
}

export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .every((token) => comparator(token, v)),
  );
}
