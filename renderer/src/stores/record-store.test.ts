import { beforeEach, describe, expect, it } from 'vitest';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

// The store persists drafts in localStorage; Node has none, so the test brings a real Map-backed one.
stubBrowserGlobals();

const { useRecordStore, isDraftEmpty } = await import('./record-store');
const { useSessionStore } = await import('./session-store');

describe('record store (§2.4-4/5)', () => {
  beforeEach(() => {
    useSessionStore.setState({ user: { id: 1, workNumber: '1001', displayName: '张敏', role: 'agent', centerCode: '330100', department: null } });
    useRecordStore.getState().reset();
  });

  it('autosaves every change, so a crash or reload loses nothing', () => {
    useRecordStore.getState().update({ category: 'complaint', topic: '提取慢' });
    useRecordStore.setState({ draft: { category: 'inquiry', topic: '', description: '' } }); // as after a reload
    useRecordStore.getState().restoreDraft('1001');
    expect(useRecordStore.getState().draft).toMatchObject({ category: 'complaint', topic: '提取慢' });
  });

  it('keeps what the agent typed before a call rang and attaches it to that call', () => {
    useRecordStore.getState().update({ topic: '贷款额度' });
    useRecordStore.getState().startForCall('call-1', '13800138000');
    expect(useRecordStore.getState().draft).toMatchObject({ topic: '贷款额度', callId: 'call-1', callbackNumber: '13800138000' });
  });

  it('starts a fresh record for the next call once the last one was attached', () => {
    useRecordStore.getState().startForCall('call-1', '13800138000');
    useRecordStore.getState().update({ topic: '第一通' });
    useRecordStore.getState().startForCall('call-2', '13900139000');
    expect(useRecordStore.getState().draft).toMatchObject({ topic: '', callId: 'call-2', callbackNumber: '13900139000' });
  });

  it('refuses to save without a topic and says so', async () => {
    await useRecordStore.getState().save();
    expect(useRecordStore.getState().error).toBe('topicRequired');
    expect(isDraftEmpty(useRecordStore.getState().draft)).toBe(true);
  });

  it('refuses a callback number with letters, and a reply promised with no number, without saving', async () => {
    useRecordStore.getState().update({ category: 'inquiry', topic: '余额', callbackNumber: 'abc-123' });
    await useRecordStore.getState().save();
    expect(useRecordStore.getState()).toMatchObject({ error: 'callbackNumberInvalid', saved: undefined });
    expect(useRecordStore.getState().draft.callbackNumber).toBe('abc-123');
    useRecordStore.getState().update({ category: 'complaint', callbackNumber: '' });
    await useRecordStore.getState().save();
    expect(useRecordStore.getState()).toMatchObject({ error: 'callbackNumberRequired', saved: undefined });
  });
});
