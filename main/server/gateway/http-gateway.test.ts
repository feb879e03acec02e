import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayContract } from './contract-test-kit/gateway-contract.js';
import { openEmbeddedFixture, type EmbeddedFixture } from './contract-test-kit/gateway-fixture.js';
import { startFakeCoreSystem, type FakeCoreSystem } from './contract-test-kit/fake-core-system.js';
import { HttpGateway } from './http-gateway.js';
import { GatewayError } from './provident-fund-gateway.js';

gatewayContract('HttpGateway (fake core system over node:http)', async () => {
  const fixture = openEmbeddedFixture();
  const core = await startFakeCoreSystem(fixture.gateway, 'secret');
  const gateway = new HttpGateway({ baseUrl: core.url, token: 'secret', timeoutMs: 2000 });
  return {
    gateway,
    known: fixture.known,
    close: async () => {
      await core.close();
      fixture.close();
    },
  };
});

describe('HttpGateway transport', () => {
  let fixture: EmbeddedFixture;
  let core: FakeCoreSystem;
  let gateway: HttpGateway;
  beforeAll(async () => {
    fixture = openEmbeddedFixture(200);
    core = await startFakeCoreSystem(fixture.gateway, 'secret');
    gateway = new HttpGateway({ baseUrl: core.url, token: 'secret', timeoutMs: 300, retries: 2, retryDelayMs: 1 });
  });
  afterAll(async () => {
    await core.close();
    fixture.close();
  });
  const errorCode = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof GatewayError ? e.code : String(e)),
    );

  it('retries a read after 503s and succeeds', async () => {
    core.failNext(2);
    const before = core.requests.length;
    expect(await gateway.findEmployer(fixture.known.employerAccount)).toMatchObject({ employerAccount: fixture.known.employerAccount });
    expect(core.requests.length - before).toBe(3);
  });

  it('gives up after the configured retries with unavailable', async () => {
    core.failNext(3);
    expect(await errorCode(gateway.listOutlets())).toBe('unavailable');
  });

  it('never repeats a booking', async () => {
    core.failNext(1);
    const before = core.requests.length;
    const booking = {
      fundAccount: fixture.known.fundAccount,
      outletCode: fixture.known.outletCode,
      type: 'withdrawal' as const,
      date: '2025-06-12',
      slot: '09:00-10:00',
    };
    expect(await errorCode(gateway.bookAppointment(booking))).toBe('unavailable');
    expect(core.requests.length - before).toBe(1);
  });

  it('times out a hanging request and retries it', async () => {
    core.hangNext();
    expect((await gateway.listOutlets()).length).toBeGreaterThan(0);
  });

  it('rejects an answer that breaks the contract', async () => {
    core.garbleNext();
    expect(await errorCode(gateway.listOutlets())).toBe('unavailable');
  });

  it('sends the token, and a wrong one is refused', async () => {
    const wrong = new HttpGateway({ baseUrl: core.url, token: 'nope', retries: 0 });
    expect(await errorCode(wrong.listOutlets())).toBe('invalid_request');
  });

  it('keeps ID-card numbers out of error messages', async () => {
    core.failNext(3);
    const error = await gateway.findPerson({ idCardNo: fixture.known.idCardNo }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as Error).message).not.toContain(fixture.known.idCardNo);
  });
});
