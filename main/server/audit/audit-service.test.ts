import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../db/database.js';
import { ManualClock } from '../clock.js';
import { createAuditService } from './audit-service.js';

describe('audit service', () => {
  it('records entries without secrets and filters by entity and time', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'audit-')), 'a.sqlite'));
    const clock = new ManualClock(1_000);
    const audit = createAuditService(db, clock);
    audit.record({
      actorUserId: 1,
      action: 'user.create',
      entityType: 'user',
      entityId: 5,
      detail: { role: 'agent', password: 'p', nested: { pin: '1234', sipHa1: 'x', ok: 1 } },
    });
    clock.set(2_000);
    audit.record({ actorUserId: 1, action: 'work_order.submit', entityType: 'work_order', entityId: 7, callId: 'call-1' });
    clock.set(3_000);
    audit.record({ actorUserId: null, action: 'work_order.dispatch', entityType: 'work_order', entityId: '7' });

    const raw = db.prepare('SELECT detail FROM audit_log WHERE entity_type = ?').pluck().get('user') as string;
    expect(JSON.parse(raw)).toEqual({ role: 'agent', nested: { ok: 1 } });
    expect(audit.query({ entityType: 'work_order', entityId: '7', limit: 10 }).map((e) => e.action)).toEqual(['work_order.dispatch', 'work_order.submit']);
    expect(audit.query({ from: 2_000, to: 3_000, limit: 10 }).map((e) => e.callId)).toEqual(['call-1']);
    expect(audit.query({ limit: 1 })[0]).toMatchObject({ at: new Date(3_000).toISOString(), actorUserId: null, entityId: '7', detail: null });
    closeDatabase(db);
  });
});
