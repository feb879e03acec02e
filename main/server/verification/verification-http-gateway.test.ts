import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { openEmbeddedFixture, FIXTURE_NOW, type EmbeddedFixture } from '../gateway/contract-test-kit/gateway-fixture.js';
import { startFakeCoreSystem, type FakeCoreSystem } from '../gateway/contract-test-kit/fake-core-system.js';
import { HttpGateway } from '../gateway/http-gateway.js';
import { createVerificationService, type VerificationService } from './verification-service.js';

describe('verifyCaller with a core system over HTTP', () => {
  let fixture: EmbeddedFixture;
  let core: FakeCoreSystem;
  let service: VerificationService;
  beforeAll(async () => {
    fixture = openEmbeddedFixture(100);
    core = await startFakeCoreSystem(fixture.gateway);
    service = createVerificationService({
      db: fixture.db,
      clock: new ManualClock(FIXTURE_NOW),
      logger: createLogger('silent'),
      gateway: new HttpGateway({ baseUrl: core.url, retries: 0 }),
      timeZone: 'Asia/Shanghai',
    });
    await fixture.gateway.pins.set({ kind: 'person', id: fixture.known.fundAccount }, '246810');
  });
  afterAll(async () => {
    await core.close();
    fixture.close();
  });

  it('checks the ID-card check digit before asking the core system', async () => {
    const id = fixture.known.idCardNo;
    const mistyped = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    core.requests.length = 0;
    expect((await service.verifyCaller({ loginType: 'id_card', account: mistyped, pin: '246810', channel: 'ivr', callId: 'h1' })).outcome).toBe(
      'invalid_account',
    );
    expect(core.requests).toEqual([]);
    expect((await service.verifyCaller({ loginType: 'id_card', account: id, pin: '246810', channel: 'ivr', callId: 'h2' })).outcome).toBe('verified');
    expect(core.requests).toEqual(['GET /hotline/v1/persons', 'POST /hotline/v1/pins/verify']);
  });

  it('lets a core-system outage surface instead of counting it as a wrong PIN', async () => {
    core.failNext(1);
    await expect(
      service.verifyCaller({ loginType: 'fund_account', account: fixture.known.fundAccount, pin: '000000', channel: 'ivr', callId: 'h3' }),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(fixture.db.prepare("SELECT count(*) FROM caller_verification_attempts WHERE call_id = 'h3'").pluck().get()).toBe(0);
  });
});

describe('the telephone PIN checked by the core system over HTTP', () => {
  let fixture: EmbeddedFixture;
  let core: FakeCoreSystem;
  let service: VerificationService;
  beforeAll(async () => {
    fixture = openEmbeddedFixture(100);
    core = await startFakeCoreSystem(fixture.gateway);
    service = createVerificationService({
      db: fixture.db,
      clock: new ManualClock(FIXTURE_NOW),
      logger: createLogger('silent'),
      gateway: new HttpGateway({ baseUrl: core.url, retries: 0 }),
      timeZone: 'Asia/Shanghai',
    });
    await fixture.gateway.pins.set({ kind: 'person', id: fixture.known.fundAccount }, '135790');
  });
  afterAll(async () => {
    await core.close();
    fixture.close();
  });

  const attempt = (account: string, pin: string, callId: string) => service.verifyCaller({ loginType: 'fund_account', account, pin, channel: 'ivr', callId });

  it('asks the core system for a six-digit PIN: match, no match, and no PIN set', async () => {
    core.requests.length = 0;
    expect((await attempt(fixture.known.fundAccount, '135790', 'p1')).outcome).toBe('verified');
    expect(core.requests).toEqual(['GET /hotline/v1/persons', 'POST /hotline/v1/pins/verify']);
    expect(await attempt(fixture.known.fundAccount, '000000', 'p2')).toEqual({ outcome: 'failed', subject: undefined, attemptsLeft: 4 });
    expect((await attempt(fixture.known.borrowerFundAccount, '135790', 'p3')).outcome).toBe('no_pin');
  });

  it('never sends anything but six digits, and keeps the lockout at the hotline', async () => {
    core.requests.length = 0;
    expect((await attempt(fixture.known.fundAccount, '12ab', 'q1')).outcome).toBe('failed');
    expect(core.requests).toEqual(['GET /hotline/v1/persons']);
    for (let i = 0; i < 4; i++) await attempt(fixture.known.fundAccount, '000000', `q${i + 2}`);
    core.requests.length = 0;
    expect((await attempt(fixture.known.fundAccount, '135790', 'q9')).outcome).toBe('locked');
    expect(core.requests).toEqual(['GET /hotline/v1/persons']);
  });
});
