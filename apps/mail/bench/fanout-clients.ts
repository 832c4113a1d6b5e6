/**
 * Child process of the fan-out bench: holds one socket.io connection per guardian token and
 * reports, per message id (or bare broadcast), when the last socket received it.
 * Kept free of Nest so that its own work does not disturb the server process.
 */
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';
import { BARE_EVENT, type FromClients, type ToClients } from './fanout-protocol';

const now = (): number => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const arrivals = new Map<string, { seen: Set<number>; first: number; last: number }>();
let connectedAll = false;
let disconnects = 0;
let duplicates = 0;

function send(m: FromClients): void {
  process.send?.(m);
}

function arrive(key: string, socketNo: number, at: number): void {
  let a = arrivals.get(key);
  if (!a) arrivals.set(key, (a = { seen: new Set(), first: at, last: at }));
  if (a.seen.has(socketNo)) {
    duplicates++;
    return;
  }
  a.seen.add(socketNo);
  a.last = Math.max(a.last, at);
  if (connectedAll && a.seen.size === sockets.length) send({ type: 'all', key, first: a.first, last: a.last });
}

function connectOne(url: string, token: string, socketNo: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e: Error) => {
      socket.close();
      reject(new Error(`socket connect failed: ${e.message}`));
    });
    socket.on('message:new', (p: { id: string }) => arrive(`msg:${p.id}`, socketNo, now()));
    socket.on(BARE_EVENT, (p: { seq: number }) => arrive(`bare:${p.seq}`, socketNo, now()));
    socket.on('disconnect', () => {
      if (connectedAll) disconnects++;
    });
  });
}

async function connectAll(url: string, tokens: string[], concurrency: number): Promise<void> {
  const t0 = now();
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const i = next++;
      sockets.push(await connectOne(url, tokens[i], i));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker));
  connectedAll = true;
  send({ type: 'connected', sockets: sockets.length, ms: now() - t0 });
}

process.on('message', (m: ToClients) => {
  switch (m.type) {
    case 'connect':
      connectAll(m.url, m.tokens, m.concurrency).catch((e: unknown) => send({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
      break;
    case 'status': {
      const a = arrivals.get(m.key);
      send({ type: 'status', key: m.key, count: a?.seen.size ?? 0, last: a?.last ?? null });
      break;
    }
    case 'close':
      connectedAll = false;
      for (const s of sockets) s.close();
      send({ type: 'closed', disconnects, duplicates, rssMb: process.memoryUsage().rss / (1024 * 1024) });
      setTimeout(() => process.exit(0), 50);
      break;
  }
});

// The bench went away: don't linger.
process.on('disconnect', () => process.exit(0));
