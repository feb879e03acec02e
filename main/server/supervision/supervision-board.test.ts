import { afterEach, describe, expect, it } from 'vitest';
import { acdFixture, type AcdFixture } from '../acd/acd-test-kit.js';
import { CallRecords } from '../calls/call-records.js';
import { TEST_CENTER } from '../calls/calls-test-kit.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { BoardRepository } from './board-repository.js';
import { SupervisionBoard } from './supervision-board.js';

describe('SupervisionBoard', () => {
  let f: AcdFixture;
  afterEach(() => f.close());

  function board() {
    const pushed: ServerEvent[] = [];
    const b = new SupervisionBoard({
      acd: f.acd,
      repo: new BoardRepository(f.t.db, TEST_CENTER),
      clock: f.clock,
      timeZone: 'Asia/Shanghai',
      acwLimitSec: 30,
      publish: (e) => pushed.push(e),
    });
    return {
      b,
      pushed,
      records: new CallRecords(f.t.db, f.clock, TEST_CENTER),
    };
  }

  it('shows waiting callers masked with those ahead, and the talking agent’s call with its talk time', async () => {
    f = acdFixture(2);
    const [a] = f.agents as [number];
    const { b, records } = board();
    for (const [id, number] of [
      ['q1', '13912349000'],
      ['q2', '13800001111'],
    ] as const) {
      records.arrive({ id, caller: number, callee: '12329', transport: 'udp' }).offered();
      f.acd.enqueue({ callId: id, caller: number });
    }
    await f.timers.advance(5_000);
    const waiting = b.snapshot().queue;
    expect(waiting.calls).toEqual([
      {
        callId: 'q1',
        number: '139****9000',
        queuedAt: new Date(f.clock.now() - 5_000).toISOString(),
        ahead: 0,
      },
      {
        callId: 'q2',
        number: '138****1111',
        queuedAt: new Date(f.clock.now() - 5_000).toISOString(),
        ahead: 1,
      },
    ]);
    f.acd.setState(a, 'ready');
    f.delegate.ringOf('q1').resolve('answered');
    await f.flush();
    const row = b.snapshot().agents.find((x) => x.agentId === a)!;
    expect(row).toMatchObject({
      state: 'talking',
      call: {
        callId: 'q1',
        number: '139****9000',
        direction: 'inbound',
        talkingSince: new Date(f.clock.now()).toISOString(),
      },
    });
    expect(b.snapshot().queue.calls.map((c) => [c.callId, c.ahead])).toEqual([['q2', 0]]);
    b.stop();
  });

  it('pushes one row per changed agent and one queue update for a burst of events', () => {
    f = acdFixture(3);
    const [a, b2] = f.agents as [number, number];
    const { b, pushed } = board();
    for (const e of f.events.splice(0)) b.onEvent(e);
    f.acd.setState(a, 'not_ready', '会议');
    f.acd.setState(a, 'ready');
    f.acd.setState(b2, 'not_ready', '用餐');
    for (const e of f.events) b.onEvent(e);
    b.flush();
    const rows = pushed.filter((e) => e.type === 'supervision.agent');
    expect(rows.map((e) => e.type === 'supervision.agent' && [e.agent.agentId, e.agent.state])).toEqual([
      [a, 'ready'],
      [b2, 'not_ready'],
    ]);
    expect(pushed.filter((e) => e.type === 'supervision.queue')).toHaveLength(1);
    b.flush();
    expect(pushed).toHaveLength(3);
    b.stop();
  });
});
