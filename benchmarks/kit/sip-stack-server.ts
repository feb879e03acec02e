// Our SIP stack alone in its own process, as the OPTIONS bench's server under test (the client
// must not share its event loop). Prints {"port":N} once listening; exits when stdin closes.
import pino from 'pino';
import { systemClock } from '../../main/server/clock.js';
import { SipStack } from '../../main/server/sip/sip-stack.js';

const stack = new SipStack({ host: '127.0.0.1', logger: pino({ level: 'silent' }), clock: systemClock, credentials: () => undefined });
const port = await stack.listenUdp(0);
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void stack.close().then(() => process.exit(0)));
