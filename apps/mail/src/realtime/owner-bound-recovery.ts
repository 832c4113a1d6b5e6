import { AsyncLocalStorage } from 'node:async_hooks';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '@app/auth/actor';

export interface SessionOwner {
  userId: string;
  sessionId: string;
}

type Handshake = Record<string, unknown>;
interface NamespaceInternals {
  _createSocket(client: unknown, auth: Handshake): Promise<Socket>;
}

/**
 * socket.io's connection-state recovery hands a disconnected socket's state (rooms, data, missed
 * packets) to whoever presents its private id (`auth.pid`), and it writes the missed packets to the
 * new connection while building the socket, before any middleware can refuse it. So ownership is
 * checked inside the restore itself: the namespace's socket factory (socket.io 4.8's
 * `_createSocket`, the only place that sees both the handshake and the restore) first identifies
 * the caller from the handshake, and the adapter's `restoreSession` then returns the stored state
 * only if it belongs to the same user and sign-in session; anyone else gets a fresh socket, exactly
 * as for an expired id, and the stored state stays for its owner.
 */
export function bindRecoveryToOwner(nsp: Namespace, identify: (auth: Handshake) => Promise<SessionOwner>): void {
  const claimant = new AsyncLocalStorage<SessionOwner | undefined>();
  const internals = nsp as unknown as NamespaceInternals;
  if (typeof internals._createSocket !== 'function') throw new Error('socket.io internals changed: Namespace._createSocket is gone');
  const createSocket = internals._createSocket.bind(nsp);
  internals._createSocket = async (client, auth) => {
    const owner = typeof auth?.pid === 'string' ? await identify(auth).catch(() => undefined) : undefined;
    return claimant.run(owner, () => createSocket(client, auth));
  };

  const adapter = nsp.adapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    // socket.io treats a missing session as "start afresh".
    const none = null as unknown as Awaited<ReturnType<typeof restore>>;
    const caller = claimant.getStore();
    if (!caller) return none;
    const session = await restore(pid, offset);
    const previous = (session?.data as { actor?: Actor } | undefined)?.actor;
    if (previous?.userId === caller.userId && previous.sessionId === caller.sessionId) return session;
    // The adapter read it with GETDEL; put it back so the owner can still recover.
    if (session) adapter.persistSession({ sid: session.sid, pid: session.pid, rooms: session.rooms, data: session.data });
    return none;
  };
}
