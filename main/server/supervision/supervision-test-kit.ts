// Tests only: events sockets that keep what they receive.
import WebSocket from 'ws';

export interface EventSocket {
  socket: WebSocket;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON events, checked by each assertion
  messages: Array<{ type: string } & Record<string, any>>;
  of(type: string): Array<Record<string, unknown>>;
  close(): void;
}

export function openEvents(serverUrl: string, token?: string): Promise<EventSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${serverUrl.replace('http', 'ws')}/api/v1/events${token ? `?token=${token}` : ''}`);
    const messages: EventSocket['messages'] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as EventSocket['messages'][number]));
    socket.once('open', () =>
      resolve({
        socket,
        messages,
        of: (type) => messages.filter((m) => m.type === type),
        close: () => socket.close(),
      }),
    );
    socket.once('error', reject);
  });
}
