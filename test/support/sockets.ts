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

export interface Recorded {
  name: string;
  payload: any;
}

/** Everything a socket receives from now on, in order of arrival, for assertions after the fact. */
export function recordEvents(socket: Socket): Recorded[] {
  const seen: Recorded[] = [];
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

/** An event by name, optionally narrowed by its payload (usually a message id). */
export interface EventMatch {
  name: string;
  match?: (payload: any) => boolean;
}

/** `message:new` for one message. */
export const messageNew = (id: string): EventMatch => ({ name: 'message:new', match: (m: { id: string }) => m.id === id });

const matches = (e: Recorded, m: EventMatch) => e.name === m.name && (m.match?.(e.payload) ?? true);

/** Resolves with the next `name` event matching `match` that arrives after the call. */
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

/**
 * Proves a negative without waiting for time to pass: `forbidden` did not reach the socket before
 * `fence` did. `recorded` must come from {@link recordEvents} on the socket before the request that
 * could have caused `forbidden` was made; the test then triggers the fence, an event this socket IS
 * allowed to get, through the same path (the same kind of request), after that request's answer.
 *
 * Why the fence proves absence: the server emits an event while handling the request that causes it,
 * before it answers; the fence's request starts only after that answer, so the fence is emitted later.
 * Events reach one socket in emit order: the Redis Streams adapter delivers each after appending it
 * to one stream, which Redis answers (and other instances read) in order, and one WebSocket carries
 * packets in order. So had `forbidden` been emitted, it would sit in `recorded` before the fence.
 * A timeout ("nothing within 300 ms") would only prove that the server had not got to it yet.
 */
export async function expectFenceAlone(socket: Socket, recorded: Recorded[], fence: EventMatch, forbidden: EventMatch): Promise<void> {
  await untilRecorded(socket, recorded, fence);
  const before = recorded.slice(0, recorded.findIndex((e) => matches(e, fence)));
  const leaked = before.filter((e) => matches(e, forbidden));
  if (leaked.length) throw new Error(`${forbidden.name} arrived before the fence ${fence.name}: ${JSON.stringify(leaked)}`);
}

/** Resolves once `recorded` holds an event matching `m` (possibly already there). */
function untilRecorded(socket: Socket, recorded: Recorded[], m: EventMatch, timeoutMs = 5000): Promise<void> {
  if (recorded.some((e) => matches(e, m))) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`the fence ${m.name} did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    // Registered after recordEvents' listener, so by the time this runs the event is in `recorded`.
    const listener = (name: string, payload: unknown) => {
      if (!matches({ name, payload }, m)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve();
    };
    socket.onAny(listener);
  });
}

export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<any> {
  return socket.timeout(5000).emitWithAck(event, payload);
}
