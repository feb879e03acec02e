// Worker thread entry: copies and verifies one backup, or checks a stored one (see backup-copy.ts), and posts the reply.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { BackupError } from './backup-error.js';
import { checkStoredCopy, copyAndVerify, type CopyReply, type WorkerJob } from './backup-copy.js';

let reply: CopyReply;
try {
  const job = workerData as WorkerJob;
  reply =
    job.task === 'check' ? { ok: true, check: checkStoredCopy(job.file, job.nativeBinding), threadId } : { ok: true, copy: await copyAndVerify(job), threadId };
} catch (error) {
  reply = { ok: false, kind: error instanceof BackupError ? error.kind : 'other', message: (error as Error).message };
}
parentPort!.postMessage(reply);
