import { join } from 'node:path';
import { localDateOf } from '../../../shared/time/zoned.js';

/** Where a call's stereo recording goes: <recordings>/YYYY/MM/DD/<call id>.wav, by the center's local date. */
export function recordingPath(recordingsDir: string, callId: string, at: number, timeZone: string): string {
  const [year, month, day] = localDateOf(at, timeZone).split('-') as [string, string, string];
  return join(recordingsDir, year, month, day, `${callId}.wav`);
}
