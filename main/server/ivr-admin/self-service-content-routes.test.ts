import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { gatewayModule } from '../gateway/gateway-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { outletListResponseSchema, policyListResponseSchema } from '../../../shared/api/self-service-content.js';
import { SERVICES } from '../services.js';
import { promptDirs } from '../ivr/prompt-dirs.js';
import { SpokenPrompts } from '../ivr/spoken-prompts.js';
import { ScriptedChannel } from '../ivr/scripted-channel-test-kit.js';
import { actionsFor } from '../self-service/self-service-actions.js';
import { selfServiceDeps } from '../self-service/self-service-deps.js';
import { outletSpeech } from '../self-service/spoken-texts.js';
import { ManualClock } from '../clock.js';
import { ivrAdminModule } from './ivr-admin-module.js';

describe('政策 and 网点 the IVR reads, edited by the center admin', () => {
  let server: TestServer;
  let admin: string;
  let spoken: SpokenPrompts;
  const audit = (action: string) => server.db.prepare('SELECT entity_id FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action);

  beforeAll(async () => {
    server = await startTestServer([authModule, gatewayModule, ivrAdminModule], { config: { adminPassword: 'admin-pass-2026' } });
    admin = await server.login('9001', 'admin-pass-2026');
    spoken = new SpokenPrompts(promptDirs(server.ctx.config).spoken);
  });
  afterAll(() => server?.stop());

  it('lists the demo policies and outlets as editable, none spoken yet (the recordings serve)', async () => {
    const policies = policyListResponseSchema.parse((await server.call('GET', '/api/v1/ivr/policies', admin)).body);
    expect(policies.editable).toBe(true);
    expect(policies.policies).toHaveLength(12);
    expect(policies.policies.every((p) => p.spokenPrompt === null)).toBe(true);
    const outlets = outletListResponseSchema.parse((await server.call('GET', '/api/v1/ivr/outlets', admin)).body);
    expect(outlets.outlets.map((o) => o.code)).toContain('WD01');
    expect(outlets.outlets[0]!.slotCapacity).toBeGreaterThan(0);
    expect((await server.call('GET', '/api/v1/ivr/outlets', await server.login('1001'))).status).toBe(403);
  });

  it('adds, edits and removes a policy; its speech is made on save and dropped when unused', async () => {
    const created = await server.call('POST', '/api/v1/ivr/policies', admin, {
      category: '其他',
      title: '异地贷款缴存证明',
      summary: '异地贷款缴存证明可在线开具。',
      effectiveFrom: '2026-01-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: '异地贷款缴存证明', body: '', spokenPrompt: expect.stringMatching(/^spoken-/) });
    const first = created.body.spokenPrompt as string;
    expect(existsSync(spoken.fileOf(first))).toBe(true);

    const edited = await server.call('PUT', `/api/v1/ivr/policies/${created.body.id}`, admin, {
      ...created.body,
      summary: '异地贷款缴存证明可在网上办事大厅开具。',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.spokenPrompt).not.toBe(first);
    expect(existsSync(spoken.fileOf(first))).toBe(false);
    expect(existsSync(spoken.fileOf(edited.body.spokenPrompt))).toBe(true);

    const bad = await server.call('PUT', `/api/v1/ivr/policies/${created.body.id}`, admin, { ...created.body, summary: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'summary', code: 'required' });

    expect((await server.call('DELETE', `/api/v1/ivr/policies/${created.body.id}`, admin)).status).toBe(204);
    expect(existsSync(spoken.fileOf(edited.body.spokenPrompt))).toBe(false);
    expect((await server.call('DELETE', `/api/v1/ivr/policies/${created.body.id}`, admin)).body.code).toBe('policy_not_found');
    expect(audit('ivr.policy.create')).toHaveLength(1);
    expect(audit('ivr.policy.update')).toHaveLength(1);
    expect(audit('ivr.policy.delete')).toHaveLength(1);
  });

  it('an outlet in a new district is read to callers of 业务网点查询 in its own words', async () => {
    const outlet = {
      code: 'WD13',
      name: '淳安服务点',
      district: '淳安县',
      address: '淳安县千岛湖镇新安大街 8 号',
      hours: '工作日 8:30-16:30',
      phone: '0571-65000113',
      slotCapacity: 3,
    };
    const created = await server.call('POST', '/api/v1/ivr/outlets', admin, outlet);
    expect(created.status).toBe(201);
    expect((await server.call('POST', '/api/v1/ivr/outlets', admin, outlet)).body).toMatchObject({ code: 'outlet_code_taken', details: { field: 'code' } });
    const badPhone = await server.call('PUT', '/api/v1/ivr/outlets/WD13', admin, { ...outlet, phone: 'call us' });
    expect(badPhone.body.details[0]).toMatchObject({ path: 'phone' });

    // A caller: 业务网点 → the districts are read; the new one is the 13th, keyed 13#.
    const deps = selfServiceDeps(server.ctx);
    const channel = new ScriptedChannel(['13#', 'hangup']);
    // The caller hangs up during the readout: the action ends with CallerGone.
    await expect(Promise.resolve(actionsFor(deps).outlets!({ channel, vars: {}, params: {}, clock: new ManualClock(0), nodeId: 'outlets' }))).rejects.toThrow(
      'caller hung up',
    );
    const heard = channel.prompts;
    expect(heard).toContain(spoken.idFor('淳安县'));
    expect(heard).toContain(spoken.idFor(outletSpeech(outlet)));
    // Its hours are not the standard ones: they are part of its own sentence, not the shared prompt.
    expect(outletSpeech(outlet)).toContain('办公时间为工作日 8:30-16:30');

    const gateway = server.ctx.services.require(SERVICES.gateway, 'test');
    expect((await gateway.listOutlets()).find((o) => o.code === 'WD13')).toMatchObject({ district: '淳安县' });
    expect((await server.call('DELETE', '/api/v1/ivr/outlets/WD13', admin)).status).toBe(204);
    expect(readdirSync(promptDirs(server.ctx.config).spoken)).not.toContain(`${spoken.idFor('淳安县')}.wav`);
  });

  it('keeps an outlet that has appointments', async () => {
    const outletId = server.db.prepare("SELECT id FROM pf_outlets WHERE code = 'WD02'").pluck().get();
    const personId = server.db.prepare('SELECT id FROM pf_people LIMIT 1').pluck().get();
    server.db
      .prepare(
        "INSERT INTO pf_appointments (confirmation_no, person_id, outlet_id, type, date, slot, status, created_at) VALUES ('x1', ?, ?, 'withdrawal', '2026-03-02', '09:00-10:00', 'booked', 0)",
      )
      .run(personId, outletId);
    const refused = await server.call('DELETE', '/api/v1/ivr/outlets/WD02', admin);
    expect(refused).toMatchObject({ status: 409, body: { code: 'outlet_has_appointments' } });
  });
});
