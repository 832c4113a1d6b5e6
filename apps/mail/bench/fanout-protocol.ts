/** IPC between the fan-out bench (server process) and its socket client process. Types only. */

/** Keys under which arrivals are counted: `msg:<message id>` for `message:new`, `bare:<seq>` for `bench:bare`. */
export type ArrivalKey = string;

export type ToClients =
  | { type: 'connect'; url: string; tokens: string[]; concurrency: number }
  | { type: 'status'; key: ArrivalKey }
  | { type: 'close' };

export type FromClients =
  | { type: 'connected'; sockets: number; ms: number }
  | { type: 'error'; message: string }
  /** Every socket has the event; times from `performance.timeOrigin + performance.now()`. */
  | { type: 'all'; key: ArrivalKey; first: number; last: number }
  | { type: 'status'; key: ArrivalKey; count: number; last: number | null }
  | { type: 'closed'; disconnects: number; duplicates: number; rssMb: number };

export const BARE_EVENT = 'bench:bare';

/** IPC between a bench and the server process it started (server-main.ts). */
export type ToServer =
  /** A bare `emit` of BARE_EVENT with `{ seq, t }` to these users' rooms, the floor for fan-out. */
  | { type: 'bare'; userIds: string[]; seq: number; t: number }
  | { type: 'rss' };

export type FromServer = { type: 'ready'; port: number } | { type: 'rss'; rssMb: number; peakRssMb: number; heapMb: number };
