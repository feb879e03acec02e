import { create } from 'zustand';
import type { ServerCheck, ServerSettingsView } from '../../../shared/ipc/contract';
import { deskBridge } from '../services/desk-bridge';

type Phase = 'idle' | 'loading' | 'checking' | 'saving' | 'saved';

interface WorkstationSettingsState {
  /** The 设置 screen is shown (only ever inside the desktop app). */
  open: boolean;
  phase: Phase;
  view: ServerSettingsView | undefined;
  mode: 'embedded' | 'remote';
  serverUrl: string;
  /** The last check (or the refusal of a save), shown under the address. */
  check: ServerCheck | undefined;
  show(): Promise<void>;
  hide(): void;
  setMode(mode: 'embedded' | 'remote'): void;
  setServerUrl(url: string): void;
  runCheck(): Promise<void>;
  save(): Promise<void>;
  relaunch(): Promise<void>;
}

/**
 * The workstation's settings (设置): which server the desktop app uses. Everything goes through
 * the bridge to main, which checks a server's /healthz and keeps the choice; in a browser there is
 * no bridge and the screen is never offered.
 */
export const useWorkstationSettingsStore = create<WorkstationSettingsState>()((set, get) => ({
  open: false,
  phase: 'idle',
  view: undefined,
  mode: 'embedded',
  serverUrl: '',
  check: undefined,
  async show() {
    const bridge = deskBridge();
    if (!bridge) return;
    set({ open: true, phase: 'loading', check: undefined });
    const view = await bridge.getServerSettings();
    set({ view, phase: 'idle', mode: view.saved.mode, serverUrl: view.saved.serverUrl ?? '' });
  },
  hide: () => set({ open: false, phase: 'idle', check: undefined }),
  setMode: (mode) => set({ mode, check: undefined, phase: 'idle' }),
  setServerUrl: (serverUrl) => set({ serverUrl, check: undefined, phase: 'idle' }),
  async runCheck() {
    const bridge = deskBridge();
    if (!bridge) return;
    set({ phase: 'checking', check: undefined });
    set({ check: await bridge.checkServer(get().serverUrl), phase: 'idle' });
  },
  async save() {
    const bridge = deskBridge();
    if (!bridge) return;
    const { mode, serverUrl } = get();
    set({ phase: 'saving', check: undefined });
    const result = await bridge.saveServerSettings(mode === 'remote' ? { mode, serverUrl } : { mode });
    if (!result.ok) return set({ phase: 'idle', check: result.check });
    const view = await bridge.getServerSettings();
    set({ phase: 'saved', view, serverUrl: result.saved.serverUrl ?? '' });
  },
  async relaunch() {
    await deskBridge()?.relaunch();
  },
}));

/** A check's sentence key and values, for the screen (and its tests). */
export function checkMessage(check: ServerCheck): { key: string; values: Record<string, string | number> } {
  if (check.ok) return { key: 'adminOps.settings.checkOk', values: { url: `${check.centerName} · ${check.url}` } };
  if (check.reason === 'unreachable') return { key: 'adminOps.settings.errors.unreachable', values: { detail: check.detail ?? '', cause: check.detail ?? '' } };
  if (check.reason === 'not_healthy') return { key: 'adminOps.settings.errors.not_healthy', values: { status: check.status ?? 0 } };
  return { key: `adminOps.settings.errors.${check.reason}`, values: {} };
}
