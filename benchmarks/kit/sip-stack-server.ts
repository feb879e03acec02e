// Our SIP stack alone in its own process, as the SIP benches' server under test (the client must
// not share its event loop). Knows the bench users (bench-users.ts) for digest REGISTERs.
// Prints {"port":N} once listening; exits when stdin closes.
import pino from 'pino';
import { systemClock } from '../../main/server/clock.js';
import { SipStack } from '../../main/server/sip/sip-stack.js';
import { BENCH_USERS, benchHa1 } from './bench-users.js';

const users = new Map(BENCH_USERS.map((user, i) => [user, { userId: i + 1, ha1: benchHa1(user), displayName: `坐席${user}` }]));
const stack = new SipStack({ host: '127.0.0.1', logger: pino({ level: 'silent' }), clock: systemClock, credentials: (workNumber) => users.get(workNumber) });
const port = await stack.listenUdp(0);
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void stack.close().then(() => process.exit(0)));
