import { io, type Socket } from 'socket.io-client';

/** A socket.io client over a real WebSocket; resolves once connected, rejects with the server's refusal. */
export function connectSocket(url: string, token?: string, opts: { timeoutMs?: number } = {}): Promise<Socket> {
  const socket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('socket connect timed out'));
    }, opts.timeoutMs ?? 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** Everything a socket receives, in order, for assertions after the fact. */
export function recordEvents(socket: Socket): { name: string; payload: any }[] {
  const seen: { name: string; payload: any }[] = [];
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

/** Resolves with the first `name` event matching `match` (events already recorded count too). */
export function waitForEvent<T = any>(
  socket: Socket,
  name: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, handler);
      reject(new Error(`no ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(name, handler);
      resolve(payload);
    };
    socket.on(name, handler);
  });
}

/** Proves a negative: no `name` event matching `match` arrives within `ms`. */
export async function expectNoEvent(socket: Socket, name: string, match: (payload: any) => boolean = () => true, ms = 300): Promise<void> {
  const got = await waitForEvent(socket, name, match, ms).then(
    () => true,
    () => false,
  );
  if (got) throw new Error(`unexpected ${name}`);
}

export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<any> {
  return socket.timeout(5000).emitWithAck(event, payload);
}
