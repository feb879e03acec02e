import { create } from 'zustand';
import type { CallNote } from '../../../shared/api/call-notes';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import type { CallNoteCategory, CallNoteDraft } from '../../../shared/call-notes/restatement';
import { useSessionStore } from './session-store';
import { callbackNumberProblem } from '../../../shared/call-notes/callback-number';

export interface RecordDraft extends CallNoteDraft {
  callId?: string | undefined;
  callerNumber?: string | undefined;
}

interface RecordState {
  draft: RecordDraft;
  saving: boolean;
  saved: CallNote | undefined;
  /** 'topicRequired' (checked here), or what the server refused: the panel translates it and marks the field. */
  error: 'topicRequired' | 'callbackNumberInvalid' | 'callbackNumberRequired' | ApiError | undefined;
  /** Loads the agent's unsaved draft after a crash or a reload. */
  restoreDraft(workNumber: string): void;
  update(patch: Partial<RecordDraft>): void;
  /** A new call starts a new record, unless the agent is still filling one for no call. */
  startForCall(callId: string | undefined, callerNumber: string | undefined): void;
  save(): Promise<void>;
  reset(): void;
  /** Unsaved records of past calls, by call id: filed away when the desk is cleared for the next call. */
  filed: Record<string, RecordDraft>;
  /** Clears the record of a call that is over; what the agent typed and did not save is filed with its call. */
  fileAway(): void;
  /** Brings a filed record back to finish and save it (from 今日通话). */
  reopenFiled(callId: string): void;
}

const EMPTY: RecordDraft = { category: 'inquiry', topic: '', description: '', callerName: '', callbackNumber: '' };
const filedKey = () => `agent-desk.filed-drafts.${useSessionStore.getState().user?.workNumber ?? 'anonymous'}`;
const draftKey = () => `agent-desk.record-draft.${useSessionStore.getState().user?.workNumber ?? 'anonymous'}`;

function persist(draft: RecordDraft): void {
  // Written on every change: a crash of the app or the machine loses at most the last keystroke.
  localStorage.setItem(draftKey(), JSON.stringify(draft));
}

function readFiled(): Record<string, RecordDraft> {
  try {
    return JSON.parse(localStorage.getItem(filedKey()) ?? '{}') as Record<string, RecordDraft>;
  } catch {
    return {};
  }
}

/** Typed by the agent, beyond what the call filled in by itself (the caller's number as callback number). */
function hasTypedContent(draft: RecordDraft): boolean {
  return !!(draft.topic.trim() || draft.description.trim() || (draft.callbackNumber?.trim() && draft.callbackNumber.trim() !== (draft.callerNumber ?? '')));
}

export function isDraftEmpty(draft: RecordDraft): boolean {
  return !draft.topic.trim() && !draft.description.trim() && !draft.callerName?.trim() && !draft.callbackNumber?.trim();
}

export const useRecordStore = create<RecordState>()((set, get) => ({
  draft: EMPTY,
  filed: {},
  saving: false,
  saved: undefined,
  error: undefined,

  restoreDraft(workNumber) {
    set({ filed: readFiled() });
    const raw = localStorage.getItem(`agent-desk.record-draft.${workNumber}`);
    if (!raw) return;
    try {
      set({ draft: { ...EMPTY, ...(JSON.parse(raw) as RecordDraft) } });
    } catch {
      localStorage.removeItem(`agent-desk.record-draft.${workNumber}`);
    }
  },

  update(patch) {
    const draft = { ...get().draft, ...patch };
    persist(draft);
    set({ draft, saved: undefined, error: undefined });
  },

  startForCall(callId, callerNumber) {
    const { draft } = get();
    if (!isDraftEmpty(draft) && draft.callId === undefined) {
      // Keep what the agent typed before the call rang, and attach it to this call.
      get().update({ callId, callerNumber, callbackNumber: draft.callbackNumber || callerNumber });
      return;
    }
    const fresh: RecordDraft = { ...EMPTY, callId, callerNumber, callbackNumber: callerNumber ?? '' };
    persist(fresh);
    set({ draft: fresh, saved: undefined, error: undefined });
  },

  async save() {
    const { draft } = get();
    if (!draft.topic.trim()) return set({ error: 'topicRequired' });
    const callback = callbackNumberProblem(draft);
    if (callback) return set({ error: callback === 'invalid' ? 'callbackNumberInvalid' : 'callbackNumberRequired' });
    set({ saving: true, error: undefined });
    try {
      const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
      const saved = await useSessionStore.getState().api.call(routes.callNotes.create, {
        body: {
          callId: draft.callId,
          category: draft.category,
          topic: draft.topic.trim(),
          description: draft.description.trim(),
          callerName: trimmed(draft.callerName),
          callerNumber: trimmed(draft.callerNumber),
          callbackNumber: trimmed(draft.callbackNumber),
          answeredOnCall: draft.category === 'inquiry' ? draft.answeredOnCall !== false : undefined,
        },
      });
      localStorage.removeItem(draftKey());
      set({ saved, draft: { ...EMPTY }, saving: false });
    } catch (error) {
      set({ error: error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message), saving: false });
    }
  },

  fileAway() {
    const { draft } = get();
    // A record started for no call stays: the agent may be noting something between calls.
    if (draft.callId === undefined) return set({ saved: undefined, error: undefined });
    const filed = { ...get().filed };
    if (hasTypedContent(draft)) {
      filed[draft.callId] = draft;
      localStorage.setItem(filedKey(), JSON.stringify(filed));
    }
    localStorage.removeItem(draftKey());
    set({ draft: { ...EMPTY }, filed, saved: undefined, error: undefined });
  },

  reopenFiled(callId) {
    const draft = get().filed[callId];
    if (!draft) return;
    const filed = { ...get().filed };
    delete filed[callId];
    // Whatever is on screen now is filed in its place, so that nothing is ever dropped.
    const current = get().draft;
    if (current.callId !== undefined && hasTypedContent(current)) filed[current.callId] = current;
    localStorage.setItem(filedKey(), JSON.stringify(filed));
    persist(draft);
    set({ draft, filed, saved: undefined, error: undefined });
  },

  reset() {
    localStorage.removeItem(draftKey());
    set({ draft: { ...EMPTY }, saved: undefined, error: undefined });
  },
}));

export const CATEGORY_ORDER: readonly CallNoteCategory[] = ['inquiry', 'complaint', 'suggestion', 'query', 'booking', 'other'];
