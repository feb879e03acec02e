// One team lead's board fed by 200 agents changing state and 100 queued callers coming and going:
// a real server on loopback (auth, ACD, supervision modules, real SQLite), the lead's events socket
// a real WebSocket client. Reported: board events per second delivered to the lead, the server
// process's CPU per second of load, and the socket's delay from an ACD change to the lead's row.
// When dist/renderer is built, Chromium also shows the board and the time from each pushed event
// to the next painted frame is measured in the page (median, p99).
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { authModule } from '../main/server/auth/auth-module.js';
import { acdModule } from '../main/server/acd/acd-module.js';
import { supervisionModule } from '../main/server/supervision/supervision-module.js';
import { startTestServer, type TestServer } from '../main/server/auth/server-test-kit.js';
import { SERVICES } from '../main/server/services.js';
import { NOT_READY_REASONS } from '../shared/acd/agent-state-machine.js';
import { createSeededRandom } from '../shared/random/seeded-random.js';
import { loadNote, median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { browserRows, openBoard, type BoardInBrowser } from './kit/board-browser.js';

const NAME = 'supervision board (200 agents, 100 queued)';
const AGENTS = 200;
const QUEUED = 100;
/** ACD changes per second: every agent changes about once in 4 s, plus a caller arriving and one leaving each 100 ms. */
const AGENT_CHANGES_PER_SEC = 50;
const QUEUE_CHANGES_PER_SEC = 20;
const SECONDS = Number(process.env.SUPERVISION_BENCH_SECONDS ?? 10);

async function seed(server: TestServer): Promise<{ agents: number[] }> {
  const acd = server.ctx.services.get(SERVICES.acd)!;
  const insert = server.db.prepare(
    "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES (?, ?, 'agent', '330100', 'x', 0)",
  );
  const agents: number[] = [];
  server.db.transaction(() => {
    for (let i = 0; i < AGENTS; i++) agents.push(Number(insert.run(String(5000 + i), `坐席${5000 + i}`).lastInsertRowid));
  })();
  for (const [i, id] of agents.entries()) {
    acd.addAgent({
      id,
      workNumber: String(5000 + i),
      displayName: `坐席${5000 + i}`,
    });
    acd.setRegistered(id, true);
    acd.setState(id, 'not_ready', '小休');
  }
  return { agents };
}

export default {
  name: NAME,
  async run(): Promise<BenchRow[]> {
    const server = await startTestServer([authModule, acdModule, supervisionModule], { config: { deskDir: resolve('dist/renderer') } });
    try {
      const { agents } = await seed(server);
      const acd = server.ctx.services.get(SERVICES.acd)!;
      const records = server.ctx.services.get(SERVICES.callRecords)!;
      // Without the voice module the ACD rings nobody: the queue holds what arrives.
      let callNo = 0;
      const arrive = () => {
        const callId = `bench-${++callNo}`;
        const rec = records.arrive({
          id: callId,
          caller: `139${String(10_000_000 + callNo).slice(-8)}`,
          callee: '12329',
          transport: 'udp',
        });
        rec.offered();
        acd.enqueue({ callId, caller: '' });
        return { callId, rec };
      };
      const waiting = Array.from({ length: QUEUED }, arrive);

      const token = await server.login('2001');
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events?token=${token}`);
      const received: Array<{
        type: string;
        at: number;
        agentId?: number;
        since?: string;
      }> = [];
      let snapshotBytes = 0;
      socket.on('message', (data) => {
        const text = String(data);
        const event = JSON.parse(text) as {
          type: string;
          agent?: { agentId: number; since: string };
        };
        if (event.type === 'supervision.snapshot') snapshotBytes = text.length;
        received.push({
          type: event.type,
          at: performance.now(),
          ...(event.agent ? { agentId: event.agent.agentId, since: event.agent.since } : {}),
        });
      });
      await new Promise((done) => socket.once('open', done));
      while (!received.some((e) => e.type === 'supervision.snapshot')) await new Promise((r) => setTimeout(r, 10));

      const browser: BoardInBrowser | { skipped: string } = await openBoard(server.url).catch((error: unknown) => ({
        skipped: (error as Error).message.split('\n')[0]!,
      }));

      const rand = createSeededRandom(2026);
      const changedAt = new Map<number, number>();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const first = received.length;
      await new Promise<void>((done) => {
        const tickMs = 20;
        const perTickAgents = (AGENT_CHANGES_PER_SEC * tickMs) / 1000;
        const perTickQueue = (QUEUE_CHANGES_PER_SEC * tickMs) / 1000;
        let debtA = 0;
        let debtQ = 0;
        const timer = setInterval(() => {
          debtA += perTickAgents;
          debtQ += perTickQueue;
          for (; debtA >= 1; debtA--) {
            const id = agents[Math.floor(rand() * agents.length)]!;
            const state = acd.agentSnapshot(id).state;
            const reason = NOT_READY_REASONS[Math.floor(rand() * NOT_READY_REASONS.length)]!;
            changedAt.set(id, performance.now());
            // Ready agents would take the queue's callers (no voice here): 示忙 reasons change instead.
            acd.setState(id, state === 'not_ready' && rand() < 0.2 ? 'signed_out' : 'not_ready', reason);
          }
          for (; debtQ >= 1; debtQ -= 2) {
            const gone = waiting.shift()!;
            gone.rec.abandoned('queue');
            acd.remove(gone.callId, 'caller');
            waiting.push(arrive());
          }
          if (performance.now() - t0 >= SECONDS * 1000) {
            clearInterval(timer);
            done();
          }
        }, tickMs);
      });
      await new Promise((r) => setTimeout(r, 200));
      const elapsed = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const events = received.slice(first);
      const agentEvents = events.filter((e) => e.type === 'supervision.agent');
      const boardEvents = events.filter((e) => e.type.startsWith('supervision.'));
      const delays = agentEvents.map((e) => e.at - (changedAt.get(e.agentId!) ?? e.at)).filter((d) => d >= 0);
      socket.close();
      const note = `${SECONDS} s; ${AGENT_CHANGES_PER_SEC} agent changes/s + ${QUEUE_CHANGES_PER_SEC} queue changes/s; ${loadNote()}`;
      const rows: BenchRow[] = [
        {
          benchmark: NAME,
          metric: 'snapshot size',
          value: round(snapshotBytes / 1024, 1),
          unit: 'KiB',
          note: `${AGENTS} agents, ${QUEUED} callers`,
        },
        {
          benchmark: NAME,
          metric: 'board events delivered to the lead',
          value: round(boardEvents.length / elapsed, 1),
          unit: 'events/s',
          note: `${agentEvents.length} agent rows + ${boardEvents.length - agentEvents.length} queue/lost-caller events (plus ${round((events.length - boardEvents.length) / elapsed, 1)}/s ACD events the lead's socket also gets); ${note}`,
        },
        {
          benchmark: NAME,
          metric: 'server CPU (process, incl. the load driver and the lead socket)',
          value: round(((cpu.user + cpu.system) / 1000 / elapsed / 1000) * 100, 1),
          unit: '% of one core',
          note,
        },
        {
          benchmark: NAME,
          metric: 'ACD change → lead socket, median',
          value: round(median(delays), 1),
          unit: 'ms',
          note: 'changes are gathered 50 ms (BOARD_FLUSH_MS)',
        },
        {
          benchmark: NAME,
          metric: 'ACD change → lead socket, p99',
          value: round(percentile(delays, 99), 1),
          unit: 'ms',
          goal: '< 1000 ms',
        },
      ];
      if ('skipped' in browser)
        rows.push({
          benchmark: NAME,
          metric: 'browser time per update',
          value: 'not measured',
          unit: '',
          note: browser.skipped,
        });
      else {
        rows.push(...browserRows(NAME, await browser.collect()));
        await browser.close();
      }
      return rows;
    } finally {
      await server.stop();
    }
  },
} satisfies Benchmark;
