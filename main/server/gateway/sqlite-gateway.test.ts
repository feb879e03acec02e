import { gatewayContract } from './contract/gateway-contract.js';
import { openEmbeddedFixture } from './contract/gateway-fixture.js';

gatewayContract('SqliteGateway (embedded)', async () => {
  const fixture = openEmbeddedFixture();
  return { gateway: fixture.gateway, known: fixture.known, close: () => fixture.close() };
});
