// Summarises a `node --cpu-prof` file: self time by function and by package (or source area),
// over the last LAST_S seconds of samples (the measuring window, not start-up).
//   node --import tsx benchmarks/kit/cpu-profile-summary.ts FILE.cpuprofile [LAST_S] [TOP]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, lastArg, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary FILE.cpuprofile [LAST_S] [TOP]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const lastUs = Number(lastArg ?? 10) * 1e6;
const top = Number(topArg ?? 25);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const times: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) times.push((t += d));
const end = t;

function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] === 'werift' ? `werift/${/werift\/lib\/([^/]+)/.exec(url)?.[1] ?? '?'}` : pkg[1]!;
  if (url.startsWith('node:')) return url;
  const own = /\/(main|benchmarks)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfByFn = new Map<string, number>();
const totalByFn = new Map<string, number>();
const selfByArea = new Map<string, number>();
let total = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i]! < end - lastUs) continue;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const node = byId.get(profile.samples[i]!)!;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') {
    idle += dt;
    continue;
  }
  total += dt;
  const where = area(url, functionName);
  const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
  selfByFn.set(key, (selfByFn.get(key) ?? 0) + dt);
  selfByArea.set(where, (selfByArea.get(where) ?? 0) + dt);
  // Inclusive time: every distinct function on the sample's stack.
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(root)') continue;
    const k = `${f.functionName || '(anonymous)'}  ${area(f.url, f.functionName)}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    totalByFn.set(k, (totalByFn.get(k) ?? 0) + dt);
  }
}

const print = (title: string, map: Map<string, number>): void => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
console.log(`busy ${(total / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms in the last ${lastUs / 1e6} s`);
print('self time by package / source file', selfByArea);
print('self time by function', selfByFn);
print('total (inclusive) time by function', totalByFn);
