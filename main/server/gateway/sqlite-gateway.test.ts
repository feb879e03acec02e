import { gatewayContract } from './contract-test-kit/gateway-contract.js';
import { openEmbeddedFixture } from './contract-test-kit/gateway-fixture.js';

gatewayContract('SqliteGateway (embedded)', async () => {
  const fixture = openEmbeddedFixture();
  return { gateway: fixture.gateway, known: fixture.known, close: () => fixture.close() };
});
