import { create } from 'zustand';
import { serverEventSchema } from '../../../shared/api/events/index';
import { ReconnectingSocket } from '../services/reconnecting-socket';
import { resolveServerUrl } from '../services/desk-bridge';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

interface ConnectionState {
  status: ConnectionStatus;
  serverUrl: string | undefined;
  serverVersion: string | undefined;
  connect(): Promise<void>;
  disconnect(): void;
}

let socket: ReconnectingSocket | undefined;

export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'connecting',
  serverUrl: undefined,
  serverVersion: undefined,
  async connect() {
    if (socket) return;
    const serverUrl = await resolveServerUrl();
    set({ serverUrl, status: 'connecting' });
    socket = new ReconnectingSocket(`${serverUrl.replace(/^http/, 'ws')}/api/v1/events`, {
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
        if (event.success && event.data.type === 'hello') set({ serverVersion: event.data.version });
      },
    });
  },
  disconnect() {
    socket?.close();
    socket = undefined;
    set({ status: 'offline' });
  },
}));
