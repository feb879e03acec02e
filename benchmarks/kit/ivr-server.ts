// The whole server (every module: SIP, media, IVR, ACD, …) in its own process, as the INVITE →
// IVR bench's server under test: the client must not share its event loop. Prints
// {"sipPort":N} once listening; stops and removes its data folder when stdin closes.
import { startTestServer } from '../../main/server/auth/server-test-kit.js';
import { SERVER_MODULES } from '../../main/server/modules.js';

const server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always', logLevel: 'silent' } });
process.stdout.write(`${JSON.stringify({ sipPort: server.sipUdpPort })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
