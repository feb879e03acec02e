import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SERVICES } from '../services.js';

const hashOf = (pin: string) => {
  const salt = randomBytes(16);
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
};

describe('telephone PINs on the embedded store: set at an outlet, imported as hashes', () => {
  let server: TestServer;
  let admin: string;
  let person: { fund_account: string; id_card_no: string };
  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { config: { adminPassword: 'admin-pass-2026' } });
    admin = await server.login('9001', 'admin-pass-2026');
    person = server.ctx.db.prepare("SELECT fund_account, id_card_no FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1").get() as typeof person;
  }, 60_000);
  afterAll(() => server?.stop());
  const verify = (account: string, pin: string) =>
    server.ctx.services
      .require(SERVICES.verification, 'test')
      .verifyCaller({ loginType: 'fund_account', account, pin, channel: 'ivr', callId: `t-${Math.random()}` });

  it('an admin sets a PIN after checking a document: the new PIN verifies, the old does not; audited without digits', async () => {
    const set = await server.call('PUT', '/api/v1/callers/pin', admin, {
      loginType: 'id_card',
      account: person.id_card_no,
      pin: '739154',
      identityDocument: 'id_card',
      documentNumber: 'E12345678',
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ subjectKind: 'person', account: expect.stringContaining('****') });
    expect((await verify(person.fund_account, '739154')).outcome).toBe('verified');
    expect((await verify(person.fund_account, '123456')).outcome).toBe('failed');
    const trail = JSON.stringify(server.ctx.db.prepare("SELECT * FROM audit_log WHERE action = 'caller_pin.set'").all());
    expect(trail).toContain('id_card');
    expect(trail).toContain('documentNumberEnd\\":\\"5678');
    for (const secret of ['739154', person.fund_account, person.id_card_no, 'E12345678']) expect(trail).not.toContain(secret);
  });

  it('says the PINs are kept here, to admins only', async () => {
    expect((await server.call('GET', '/api/v1/callers/pins/store', admin)).body).toEqual({ store: 'embedded' });
    expect((await server.call('GET', '/api/v1/callers/pins/store', await server.login('1001'))).status).toBe(403);
  });

  it('refuses bad input with the field, unknown accounts, and anyone but an admin', async () => {
    const bad = await server.call('PUT', '/api/v1/callers/pin', admin, {
      loginType: 'fund_account',
      account: person.fund_account,
      pin: '12345',
      identityDocument: 'id_card',
      documentNumber: 'E12345678',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('pin');
    expect(
      (
        await server.call('PUT', '/api/v1/callers/pin', admin, {
          loginType: 'fund_account',
          account: '999999999999',
          pin: '123456',
          identityDocument: 'id_card',
          documentNumber: 'E12345678',
        })
      ).status,
    ).toBe(404);
    const agent = await server.login('1001');
    expect(
      (
        await server.call('PUT', '/api/v1/callers/pin', agent, {
          loginType: 'fund_account',
          account: person.fund_account,
          pin: '123456',
          identityDocument: 'id_card',
          documentNumber: 'E12345678',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await server.call('POST', '/api/v1/callers/pins/import', agent, {
          items: [{ subjectKind: 'person', subjectId: person.fund_account, hash: hashOf('1') }],
        })
      ).status,
    ).toBe(403);
  });

  it('imports well-formed salted hashes and refuses the malformed or too costly ones, one by one', async () => {
    const other = server.ctx.db.prepare("SELECT fund_account FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1 OFFSET 1").pluck().get() as string;
    const costly = hashOf('1').replace('scrypt$16384$', 'scrypt$1048576$');
    const result = await server.call('POST', '/api/v1/callers/pins/import', admin, {
      items: [
        { subjectKind: 'person', subjectId: other, hash: hashOf('204867') },
        { subjectKind: 'person', subjectId: 'x1', hash: 'md5$abc' },
        { subjectKind: 'person', subjectId: 'x2', hash: costly },
      ],
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      imported: 1,
      refused: [
        { index: 1, reason: 'bad_hash' },
        { index: 2, reason: 'bad_hash' },
      ],
    });
    expect((await verify(other, '204867')).outcome).toBe('verified');
    expect(server.ctx.db.prepare("SELECT count(*) FROM caller_pins WHERE subject_id IN ('x1', 'x2')").pluck().get()).toBe(0);
  });
});

describe('telephone PINs with a core system configured', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    // Nothing listens there: the PIN routes must answer without asking the core system.
    server = await startTestServer(SERVER_MODULES, { config: { adminPassword: 'admin-pass-2026', gatewayUrl: 'http://127.0.0.1:9', gatewayToken: 't' } });
    admin = await server.login('9001', 'admin-pass-2026');
  }, 60_000);
  afterAll(() => server?.stop());

  it('answers that the core system keeps them: 409 pins_in_core_system for a set and an import, nothing stored', async () => {
    expect((await server.call('GET', '/api/v1/callers/pins/store', admin)).body).toEqual({ store: 'core_system' });
    const set = await server.call('PUT', '/api/v1/callers/pin', admin, {
      loginType: 'fund_account',
      account: '123456789012',
      pin: '123456',
      identityDocument: 'id_card',
      documentNumber: 'E12345678',
    });
    expect(set.status).toBe(409);
    expect(set.body.code).toBe('pins_in_core_system');
    const imported = await server.call('POST', '/api/v1/callers/pins/import', admin, { items: [{ subjectKind: 'person', subjectId: 'x', hash: hashOf('1') }] });
    expect(imported.status).toBe(409);
    expect(server.ctx.db.prepare('SELECT count(*) FROM caller_pins').pluck().get()).toBe(0);
  });
});
