import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { NetworkOutbox } from './network-outbox.js';

describe('the network outbox', () => {
  it('keeps one pending upload per day, the newest revision, until the parent accepts that revision', () => {
    const outbox = new NetworkOutbox(openDatabase(':memory:'));
    outbox.enqueue('330100', '2026-11-29', 1, '{"a":1}', 10);
    outbox.enqueue('330100', '2026-11-30', 1, '{"a":1}', 20);
    outbox.enqueue('330100', '2026-11-30', 2, '{"a":2}', 30);
    // An older revision never replaces a newer one waiting.
    outbox.enqueue('330100', '2026-11-30', 1, '{"a":1}', 40);
    expect(outbox.due(100, 10).map((r) => [r.date, r.revision, r.body])).toEqual([
      ['2026-11-29', 1, '{"a":1}'],
      ['2026-11-30', 2, '{"a":2}'],
    ]);
    const [first, second] = outbox.due(100, 10);
    outbox.failed(first!, 'HTTP 503', 500);
    expect(outbox.due(100, 10).map((r) => r.date)).toEqual(['2026-11-30']);
    expect(outbox.due(500, 10).find((r) => r.date === '2026-11-29')).toMatchObject({ attempts: 1 });
    // Sent while a newer revision was queued: the newer one stays.
    outbox.enqueue('330100', '2026-11-30', 3, '{"a":3}', 50);
    outbox.sent(second!);
    expect(outbox.pending()).toBe(2);
    outbox.sent({ ...second!, revision: 3 });
    outbox.sent(first!);
    expect(outbox.pending()).toBe(0);
  });
});
