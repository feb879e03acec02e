import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { openEmbeddedFixture, FIXTURE_NOW, type EmbeddedFixture } from '../gateway/contract-test-kit/gateway-fixture.js';
import { startFakeCoreSystem, type FakeCoreSystem } from '../gateway/contract-test-kit/fake-core-system.js';
import { HttpGateway } from '../gateway/http-gateway.js';
import { createVerificationService, type VerificationService } from './verification-service.js';

/** A verification service asking the fake core system over HTTP, the known person's PIN set there. */
function withCoreSystem(pin: string): { readonly fixture: EmbeddedFixture; readonly core: FakeCoreSystem; readonly service: VerificationService } {
  const kit = {} as { fixture: EmbeddedFixture; core: FakeCoreSystem; service: VerificationService };
  beforeAll(async () => {
    kit.fixture = openEmbeddedFixture(100);
    kit.core = await startFakeCoreSystem(kit.fixture.gateway);
    kit.service = createVerificationService({
      db: kit.fixture.db,
      clock: new ManualClock(FIXTURE_NOW),
      logger: createLogger('silent'),
      gateway: new HttpGateway({ baseUrl: kit.core.url, retries: 0 }),
      timeZone: 'Asia/Shanghai',
    });
    await kit.fixture.gateway.pins.set({ kind: 'person', id: kit.fixture.known.fundAccount }, pin);
  });
  afterAll(async () => {
    await kit.core.close();
    kit.fixture.close();
  });
  return kit;
}

describe('verifyCaller with a core system over HTTP', () => {
  const t = withCoreSystem('246810');

  it('checks the ID-card check digit before asking the core system', async () => {
    const id = t.fixture.known.idCardNo;
    const mistyped = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    t.core.requests.length = 0;
    expect((await t.service.verifyCaller({ loginType: 'id_card', account: mistyped, pin: '246810', channel: 'ivr', callId: 'h1' })).outcome).toBe(
      'invalid_account',
    );
    expect(t.core.requests).toEqual([]);
    expect((await t.service.verifyCaller({ loginType: 'id_card', account: id, pin: '246810', channel: 'ivr', callId: 'h2' })).outcome).toBe('verified');
    expect(t.core.requests).toEqual(['GET /hotline/v1/persons', 'POST /hotline/v1/pins/verify']);
  });

  it('lets a core-system outage surface instead of counting it as a wrong PIN', async () => {
    t.core.failNext(1);
    await expect(
      t.service.verifyCaller({ loginType: 'fund_account', account: t.fixture.known.fundAccount, pin: '000000', channel: 'ivr', callId: 'h3' }),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(t.fixture.db.prepare("SELECT count(*) FROM caller_verification_attempts WHERE call_id = 'h3'").pluck().get()).toBe(0);
  });
});

describe('the telephone PIN checked by the core system over HTTP', () => {
  const t = withCoreSystem('135790');

  const attempt = (account: string, pin: string, callId: string) => t.service.verifyCaller({ loginType: 'fund_account', account, pin, channel: 'ivr', callId });

  it('asks the core system for a six-digit PIN: match, no match, and no PIN set', async () => {
    t.core.requests.length = 0;
    expect((await attempt(t.fixture.known.fundAccount, '135790', 'p1')).outcome).toBe('verified');
    expect(t.core.requests).toEqual(['GET /hotline/v1/persons', 'POST /hotline/v1/pins/verify']);
    expect(await attempt(t.fixture.known.fundAccount, '000000', 'p2')).toEqual({ outcome: 'failed', subject: undefined, attemptsLeft: 4 });
    expect((await attempt(t.fixture.known.borrowerFundAccount, '135790', 'p3')).outcome).toBe('no_pin');
  });

  it('never sends anything but six digits, and keeps the lockout at the hotline', async () => {
    t.core.requests.length = 0;
    expect((await attempt(t.fixture.known.fundAccount, '12ab', 'q1')).outcome).toBe('failed');
    expect(t.core.requests).toEqual(['GET /hotline/v1/persons']);
    for (let i = 0; i < 4; i++) await attempt(t.fixture.known.fundAccount, '000000', `q${i + 2}`);
    t.core.requests.length = 0;
    expect((await attempt(t.fixture.known.fundAccount, '135790', 'q9')).outcome).toBe('locked');
    expect(t.core.requests).toEqual(['GET /hotline/v1/persons']);
  });
});
