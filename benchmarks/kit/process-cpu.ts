// CPU time of a server process and its direct children (Kamailio forks its workers), read from
// /proc (Linux; clock ticks of 10 ms). Undefined where /proc is missing.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: string): { ppid: number; cpuMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

export function processTreeCpuMs(pid: number): number | undefined {
  const own = stat(String(pid));
  if (!own) return undefined;
  let total = own.cpuMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || entry === String(pid)) continue;
    const s = stat(entry);
    if (s?.ppid === pid) total += s.cpuMs;
  }
  return total;
}
