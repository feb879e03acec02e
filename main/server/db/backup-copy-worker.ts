// Worker thread entry: copies and verifies one backup (see backup-copy.ts) and posts the reply.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { BackupError } from './backup-error.js';
import { copyAndVerify, type CopyReply, type CopyRequest } from './backup-copy.js';

let reply: CopyReply;
try {
  reply = { ok: true, copy: await copyAndVerify(workerData as CopyRequest), threadId };
} catch (error) {
  reply = { ok: false, kind: error instanceof BackupError ? error.kind : 'other', message: (error as Error).message };
}
parentPort!.postMessage(reply);
