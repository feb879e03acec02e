import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSnapshot } from '../../../shared/api/acd';
import type { CallerProfile } from '../../../shared/api/verification';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

stubBrowserGlobals();

const { startCallLifecycle } = await import('./call-lifecycle');
const { useSoftphoneStore } = await import('../stores/softphone-store');
const { useRecordStore } = await import('../stores/record-store');
const { useVerificationStore } = await import('../stores/verification-store');
const { useKbStore } = await import('../stores/kb-store');
const { useAgentStateStore } = await import('../stores/agent-state-store');
const { useSessionStore } = await import('../stores/session-store');

const agent = (state: AgentSnapshot['state']) => ({ agentId: 1, workNumber: '1001', state, since: new Date().toISOString() }) as unknown as AgentSnapshot;
const profile = { person: { name: '王芳', balanceFen: 1234500 }, loans: [] } as unknown as CallerProfile;

/** One inbound call as the phone and the server play it: ring, answer, verified, KB open, hang-up, ACW. */
function playCall(callId: string, number: string) {
  useAgentStateStore.setState({ me: agent('ringing') });
  useSoftphoneStore.setState({
    callState: 'incoming',
    call: {
      callId,
      remoteNumber: number,
      remoteName: undefined,
      ivrPath: ['人工'],
      direction: 'inbound',
      startedAt: Date.now(),
      answeredAt: undefined,
      endedAt: undefined,
      endedByRemote: undefined,
    },
  });
  useAgentStateStore.setState({ me: agent('talking') });
  useSoftphoneStore.setState({ callState: 'active' });
  useVerificationStore.setState({ callId, status: 'verified', profile });
  useKbStore.setState({ query: '租房提取', article: { id: 7, title: '租房提取住房公积金' } as never });
  useSoftphoneStore.setState({ callState: 'ended', call: { ...useSoftphoneStore.getState().call!, endedAt: Date.now(), endedByRemote: true } });
  useAgentStateStore.setState({ me: agent('after_call_work') });
}

describe('call lifecycle: one call at a time on the desk', () => {
  beforeAll(() => {
    useSessionStore.setState({ user: { id: 1, workNumber: '1001', displayName: '张敏', role: 'agent', centerCode: '330100', department: null } });
    startCallLifecycle();
  });
  beforeEach(() => {
    useRecordStore.getState().reset();
    useRecordStore.setState({ filed: {} });
    useAgentStateStore.setState({ me: agent('ready') });
  });

  it('copies the verified name into 来电人姓名, without overwriting what the agent typed', () => {
    playCall('c1', '13800138000');
    expect(useRecordStore.getState().draft).toMatchObject({ callId: 'c1', callerName: '王芳' });
    useRecordStore.getState().update({ callerName: '王女士' });
    useVerificationStore.setState({ profile: { ...profile } });
    expect(useRecordStore.getState().draft.callerName).toBe('王女士');
  });

  it('back to 就绪 after ACW, nothing of the last call is left: card, caller, KB, callback number', () => {
    playCall('c2', '13900139000');
    expect(useRecordStore.getState().draft.callbackNumber).toBe('13900139000');
    useAgentStateStore.setState({ me: agent('ready') });
    expect(useSoftphoneStore.getState()).toMatchObject({ callState: 'idle', call: undefined });
    expect(useVerificationStore.getState()).toMatchObject({ callId: undefined, profile: undefined, status: 'idle' });
    expect(useKbStore.getState()).toMatchObject({ query: '', article: undefined });
    expect(useRecordStore.getState().draft).toMatchObject({ topic: '', callerName: '', callbackNumber: '' });
    expect(useRecordStore.getState().draft.callId).toBeUndefined();
  });

  it('files an unsaved record with its call, to be reopened from the history', () => {
    playCall('c3', '13700137000');
    useRecordStore.getState().update({ topic: '提取进度' });
    useAgentStateStore.setState({ me: agent('not_ready') });
    expect(useRecordStore.getState().draft.topic).toBe('');
    expect(useRecordStore.getState().filed.c3).toMatchObject({ topic: '提取进度', callerName: '王芳' });
    useRecordStore.getState().reopenFiled('c3');
    expect(useRecordStore.getState().draft).toMatchObject({ callId: 'c3', topic: '提取进度' });
    expect(useRecordStore.getState().filed.c3).toBeUndefined();
  });

  it('leaves the card of a follow-up call that was never answered (busy, refused) for the agent to read', () => {
    useAgentStateStore.setState({ me: agent('talking') });
    useSoftphoneStore.setState({
      callState: 'ended',
      call: {
        callId: undefined,
        remoteNumber: '13900001111',
        remoteName: undefined,
        ivrPath: [],
        direction: 'outbound',
        startedAt: 0,
        answeredAt: undefined,
        endedAt: 1,
        endedByRemote: true,
        failedStatus: 486,
      },
    });
    useAgentStateStore.setState({ me: agent('ready') });
    expect(useSoftphoneStore.getState().call?.failedStatus).toBe(486);
    useSoftphoneStore.setState({ callState: 'idle', call: undefined });
  });

  it('keeps a note started between calls, and leaves a live call alone', () => {
    useRecordStore.getState().update({ topic: '自己记的' });
    useSoftphoneStore.setState({ callState: 'active' });
    useAgentStateStore.setState({ me: agent('talking') });
    useAgentStateStore.setState({ me: agent('ready') });
    expect(useSoftphoneStore.getState().callState).toBe('active');
    useSoftphoneStore.setState({ callState: 'idle', call: undefined });
    expect(useRecordStore.getState().draft.topic).toBe('自己记的');
  });
});
