import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpError } from './http-app.js';
import { parseByteRange } from '../recordings/byte-range.js';

/**
 * Streams a WAV with Range support (the <audio> element seeks) and never cached: a prompt changes
 * when an admin replaces it, a recording is personal data that no browser cache may keep.
 * `missing` is the answer for a file that is gone; `fromStart` runs for a request from the first
 * byte (a play, not a seek).
 */
export async function sendWavFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: string,
  options: { missing: () => HttpError; fromStart?: () => void },
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw options.missing();
  const range = parseByteRange(request.headers.range, info.size);
  reply.header('Accept-Ranges', 'bytes').header('Cache-Control', 'no-store').header('Content-Type', 'audio/wav');
  if (range === 'unsatisfiable') {
    reply.code(416).header('Content-Range', `bytes */${info.size}`);
    return void reply.send();
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  if (start === 0) options.fromStart?.();
  if (range) reply.code(206).header('Content-Range', `bytes ${start}-${end}/${info.size}`);
  reply.header('Content-Length', String(end - start + 1));
  return void reply.send(info.size === 0 ? '' : createReadStream(file, { start, end }));
}
