import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

const confirm = vi.fn<(message: string) => boolean>();
stubBrowserGlobals({ confirm });

const { performDeskAction, hangsUpOnCaller } = await import('./desk-actions');
const { useConfirmStore } = await import('../stores/confirm-store');
const flush = () => new Promise((r) => setTimeout(r, 0));
const { useSoftphoneStore } = await import('../stores/softphone-store');
const { useAgentStateStore } = await import('../stores/agent-state-store');

const call = (direction: 'inbound' | 'outbound') => ({
  remoteNumber: '13800138000',
  remoteName: undefined,
  callId: 'c1',
  ivrPath: [],
  direction,
  startedAt: 0,
  answeredAt: 1,
  endedAt: undefined,
  endedByRemote: undefined,
});

describe('desk actions (buttons, keys and global shortcuts)', () => {
  const hangup = vi.fn(async () => {});
  const answer = vi.fn(async () => {});
  const sendDtmf = vi.fn(async (_digit: string) => {});
  const setState = vi.fn(async () => {});
  const endAcw = vi.fn(async () => {});
  beforeEach(() => {
    vi.clearAllMocks();
    useSoftphoneStore.setState({ hangup, answer, sendDtmf, callState: 'idle', call: undefined });
    useAgentStateStore.setState({ setState, endAcw, notReadyReason: '会议', me: undefined });
  });

  it('asks in the desk’s own dialog before hanging up on a caller (§2.4-9), and hangs up only when the agent confirms', async () => {
    useSoftphoneStore.setState({ callState: 'active', call: call('inbound') });
    performDeskAction('hangup');
    expect(useConfirmStore.getState().request?.message).toContain('服务规范第 9 条');
    useConfirmStore.getState().answer(false);
    await flush();
    expect(hangup).not.toHaveBeenCalled();
    performDeskAction('hangup');
    useConfirmStore.getState().answer(true);
    await flush();
    expect(hangup).toHaveBeenCalledTimes(1);
    // Never the browser's confirm(), which blocks the page and cannot be styled or translated by the desk.
    expect(confirm).not.toHaveBeenCalled();
  });

  it('hangs up a follow-up call, a ringing or a dialling call without asking', async () => {
    for (const [state, direction] of [
      ['active', 'outbound'],
      ['incoming', 'inbound'],
      ['dialing', 'outbound'],
    ] as const) {
      useSoftphoneStore.setState({ callState: state, call: call(direction) });
      expect(hangsUpOnCaller(state, call(direction))).toBe(false);
      performDeskAction('hangup');
    }
    await flush();
    expect(useConfirmStore.getState().request).toBeUndefined();
    expect(hangup).toHaveBeenCalledTimes(3);
  });

  it('hangs up a team lead’s monitor leg without asking: the caller stays with the agent', () => {
    const monitorLeg = { ...call('inbound'), monitor: 'listen' as const };
    useSoftphoneStore.setState({ callState: 'active', call: monitorLeg });
    expect(hangsUpOnCaller('active', monitorLeg)).toBe(false);
    performDeskAction('hangup');
    expect(confirm).not.toHaveBeenCalled();
    expect(hangup).toHaveBeenCalledTimes(1);
  });

  it('answers only a ringing call and dials digits only in a call', () => {
    performDeskAction('answer');
    performDeskAction({ dtmf: '5' });
    expect(answer).not.toHaveBeenCalled();
    expect(sendDtmf).not.toHaveBeenCalled();
    useSoftphoneStore.setState({ callState: 'incoming', call: call('inbound') });
    performDeskAction('answer');
    expect(answer).toHaveBeenCalledTimes(1);
    useSoftphoneStore.setState({ callState: 'held' });
    performDeskAction({ dtmf: '#' });
    expect(sendDtmf).toHaveBeenCalledWith('#');
  });

  it('toggles 就绪 ↔ 示忙 with the picked reason, ends ACW, and leaves a call alone', async () => {
    const me = (state: string) => ({
      agentId: 1,
      workNumber: '1001',
      displayName: '张敏',
      state,
      reason: null,
      since: '',
      registered: true,
      callId: null,
      idleSince: null,
      missedRingsInRow: 0,
    });
    useAgentStateStore.setState({ me: me('ready') as never });
    performDeskAction('toggle-ready');
    expect(setState).toHaveBeenLastCalledWith({ state: 'not_ready', reason: '会议' });
    useAgentStateStore.setState({ me: me('not_ready') as never });
    performDeskAction('toggle-ready');
    expect(setState).toHaveBeenLastCalledWith({ state: 'ready' });
    useAgentStateStore.setState({ me: me('after_call_work') as never });
    performDeskAction('toggle-ready');
    expect(endAcw).toHaveBeenCalledTimes(1);
    useAgentStateStore.setState({ me: me('talking') as never });
    performDeskAction('toggle-ready');
    expect(setState).toHaveBeenCalledTimes(2);
  });
});
