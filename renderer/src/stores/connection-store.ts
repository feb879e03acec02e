import { create } from 'zustand';
import { serverEventSchema, type ServerEvent } from '../../../shared/api/events/index';
import { healthResponseSchema, type CenterServiceHours } from '../../../shared/api/health';
import type { NetworkMode } from '../../../shared/api/network';
import { ReconnectingSocket } from '../services/reconnecting-socket';
import { resolveServerUrl } from '../services/desk-bridge';
import { EVENTS_PATH } from '../../../shared/api/routes';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

interface ConnectionState {
  status: ConnectionStatus;
  serverUrl: string | undefined;
  serverVersion: string | undefined;
  /** The center's time zone (from /healthz); every time on the desk is shown in it. */
  timeZone: string;
  /** The center's 人工 hours as the server runs them (/healthz); undefined until known. */
  serviceHours: CenterServiceHours | undefined;
  /** What the server is in the network (/healthz): a province or ministry server takes no calls. */
  networkMode: NetworkMode;
  connect(): Promise<void>;
  /** Reconnects the events socket with (or without) the signed-in user's token. */
  authenticate(token: string | undefined): void;
  disconnect(): void;
}

let socket: ReconnectingSocket | undefined;
let currentToken: string | undefined;
const listeners = new Set<(event: ServerEvent) => void>();

/** Stores subscribe here to the server's live events (agent states, queue, KB changes…). */
export function onServerEvent(listener: (event: ServerEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  status: 'connecting',
  serverUrl: undefined,
  serverVersion: undefined,
  timeZone: 'Asia/Shanghai',
  serviceHours: undefined,
  networkMode: 'center',
  async connect() {
    if (socket) return;
    const serverUrl = get().serverUrl ?? (await resolveServerUrl());
    set({ serverUrl, status: 'connecting' });
    // Awaited below: the session is restored only once the desk knows whether this server takes calls.
    const health = fetch(`${serverUrl}/healthz`)
      .then((r) => r.json())
      .then((body: unknown) => {
        const health = healthResponseSchema.safeParse(body);
        if (health.success)
          set({ timeZone: health.data.center.timeZone, serviceHours: health.data.center.serviceHours, networkMode: health.data.network?.mode ?? 'center' });
      })
      .catch(() => undefined);
    const query = currentToken ? `?token=${encodeURIComponent(currentToken)}` : '';
    socket = new ReconnectingSocket(`${serverUrl.replace(/^http/, 'ws')}${EVENTS_PATH}${query}`, {
      onOpen: () => set({ status: 'online' }),
      onClose: () => set({ status: 'offline' }),
      onMessage: (data) => {
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          return;
        }
        const event = serverEventSchema.safeParse(json);
        if (!event.success) return;
        if (event.data.type === 'hello') set({ serverVersion: event.data.version });
        for (const listener of listeners) listener(event.data);
      },
    });
    await health;
  },
  authenticate(token) {
    if (token === currentToken) return;
    currentToken = token;
    socket?.close();
    socket = undefined;
    void get().connect();
  },
  disconnect() {
    socket?.close();
    socket = undefined;
    set({ status: 'offline' });
  },
}));
