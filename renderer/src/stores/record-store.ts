import { create } from 'zustand';
import type { CallNote } from '../../../shared/api/call-notes';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import type { CallNoteCategory, CallNoteDraft } from '../../../shared/call-notes/restatement';
import { useSessionStore } from './session-store';

export interface RecordDraft extends CallNoteDraft {
  callId?: string | undefined;
  callerNumber?: string | undefined;
}

interface RecordState {
  draft: RecordDraft;
  saving: boolean;
  saved: CallNote | undefined;
  /** 'topicRequired' (checked here), or what the server refused: the panel translates it and marks the field. */
  error: 'topicRequired' | ApiError | undefined;
  /** Loads the agent's unsaved draft after a crash or a reload. */
  restoreDraft(workNumber: string): void;
  update(patch: Partial<RecordDraft>): void;
  /** A new call starts a new record, unless the agent is still filling one for no call. */
  startForCall(callId: string | undefined, callerNumber: string | undefined): void;
  save(): Promise<void>;
  reset(): void;
}

const EMPTY: RecordDraft = { category: 'inquiry', topic: '', description: '', callerName: '', callbackNumber: '' };
const draftKey = () => `agent-desk.record-draft.${useSessionStore.getState().user?.workNumber ?? 'anonymous'}`;

function persist(draft: RecordDraft): void {
  // Written on every change: a crash of the app or the machine loses at most the last keystroke.
  localStorage.setItem(draftKey(), JSON.stringify(draft));
}

export function isDraftEmpty(draft: RecordDraft): boolean {
  return !draft.topic.trim() && !draft.description.trim() && !draft.callerName?.trim() && !draft.callbackNumber?.trim();
}

export const useRecordStore = create<RecordState>()((set, get) => ({
  draft: EMPTY,
  saving: false,
  saved: undefined,
  error: undefined,

  restoreDraft(workNumber) {
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

  reset() {
    localStorage.removeItem(draftKey());
    set({ draft: { ...EMPTY }, saved: undefined, error: undefined });
  },
}));

export const CATEGORY_ORDER: readonly CallNoteCategory[] = ['inquiry', 'complaint', 'suggestion', 'query', 'booking', 'other'];
