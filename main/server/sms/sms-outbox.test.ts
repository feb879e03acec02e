import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { systemClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { waitFor } from '../media/media-test-kit.js';
import { HttpSmsPlatform } from './http-sms-platform.js';
import { SmsOutbox } from './sms-outbox.js';
import { FakeSmsPlatform } from './sms-platform-test-kit.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(options: { port?: number; start?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const platform = new FakeSmsPlatform();
  if (options.start !== false) await platform.start(options.port);
  cleanups.push(() => platform.stop());
  const db = openDatabase(join(dir, 'agent-desk.sqlite'));
  cleanups.push(() => void db.close());
  const make = (url: string) => {
    const outbox = new SmsOutbox(
      db,
      systemClock,
      '330100',
      new HttpSmsPlatform({ baseUrl: url, token: 'sms-token-0123456789', timeoutMs: 1000 }),
      createLogger('silent'),
      { baseBackoffMs: 20, maxBackoffMs: 200, maxAttempts: 4 },
    );
    cleanups.push(() => outbox.stop());
    outbox.start();
    return outbox;
  };
  return { db, platform, make };
}

const booking = { fundAccount: '330100123456789', template: 'appointment-booked' as const, text: '您已预约市中心网点 2026-12-01 09:00-10:00，预约号A123。' };
const stateOf = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT state, attempts, provider_id, last_error FROM sms_messages').get() as {
    state: string;
    attempts: number;
    provider_id: string | null;
    last_error: string | null;
  };

describe('SMS outbox over HTTP', () => {
  it('retries 503s and 429 (honouring Retry-After) with the same id, then records the platform id and its delivery report', async () => {
    const { db, platform, make } = await setUp();
    platform.script.push({ status: 503 }, { status: 429, retryAfter: 0 });
    const outbox = make(platform.url);
    await outbox.send(booking);
    await waitFor(() => stateOf(db).state === 'sent', 5000, 'the text accepted');
    expect(stateOf(db)).toMatchObject({ state: 'sent', attempts: 3, provider_id: 'P1', last_error: null });
    expect(platform.received.map((r) => r.id)).toEqual(Array(3).fill(platform.received[0]!.id));
    expect(platform.received[0]).toMatchObject({
      account: booking.fundAccount,
      template: 'appointment-booked',
      text: booking.text,
      authorization: 'Bearer sms-token-0123456789',
      idempotencyKey: platform.received[0]!.id,
    });
    expect(outbox.report('P1', 'delivered')).toBe(true);
    expect(stateOf(db).state).toBe('delivered');
    expect(outbox.report('P404', 'delivered')).toBe(false);
  });

  it('gives up at once on a refusal (400) and after the last attempt on repeated failures', async () => {
    const { db, platform, make } = await setUp();
    platform.script.push({ status: 400, body: '{"error":"bad template"}' });
    const outbox = make(platform.url);
    await outbox.send(booking);
    await waitFor(() => stateOf(db).state === 'failed', 5000, 'the text given up');
    expect(stateOf(db)).toMatchObject({ attempts: 1, last_error: expect.stringContaining('bad template') });

    db.exec('DELETE FROM sms_messages');
    platform.script.push(...Array.from({ length: 4 }, () => ({ status: 502 })));
    await outbox.send(booking);
    await waitFor(() => stateOf(db).state === 'failed', 5000, 'the text given up after 4 attempts');
    expect(stateOf(db)).toMatchObject({ attempts: 4, last_error: expect.stringContaining('502') });
    // Nothing left queued, nothing was lost: every attempt reached the platform.
    expect(platform.received).toHaveLength(1 + 4);
  });

  it('keeps texts while the platform is down, and a restarted server delivers what a previous one left queued', async () => {
    const { db, platform, make } = await setUp({ start: false });
    const first = make('http://127.0.0.1:9/v1');
    await first.send(booking);
    await waitFor(() => stateOf(db).attempts >= 1, 5000, 'a failed attempt');
    expect(stateOf(db).state).toBe('queued');
    await first.stop();

    await platform.start();
    const second = make(platform.url);
    await waitFor(() => stateOf(db).state === 'sent', 5000, 'the queued text sent after the restart');
    expect(platform.delivered).toBe(1);
    await second.stop();
  });
});
