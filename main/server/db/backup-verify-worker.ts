// Worker thread entry: verifies one backup copy (see backup-verify.ts) and posts the reply.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { BackupError } from './backup-error.js';
import { verifyCopy, type VerifyReply, type VerifyRequest } from './backup-verify.js';

let reply: VerifyReply;
try {
  reply = { ok: true, copy: verifyCopy(workerData as VerifyRequest), threadId };
} catch (error) {
  reply = { ok: false, kind: error instanceof BackupError ? error.kind : 'other', message: (error as Error).message };
}
parentPort!.postMessage(reply);
