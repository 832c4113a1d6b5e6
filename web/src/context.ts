import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import type { Me } from './api';
import type { Language, Translate } from './i18n';

export interface Session {
  me: Me;
  lang: Language;
  t: Translate;
  /** Pages subscribe to the events they show (useSocketEvent). */
  socket: Socket;
  unread: number | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/** Subscribes a page to one socket event for as long as it is shown. */
export function useSocketEvent<T>(name: string, handler: (payload: T) => void, deps: unknown[] = []): void {
  const { socket } = useSession();
  useEffect(() => {
    socket.on(name, handler);
    return () => void socket.off(name, handler);
  }, [socket, name, ...deps]);
}

/** Roles that may write to groups from the client (teachers and management). */
export const WRITER_ROLES = new Set(['teacher', 'head', 'deputy_head', 'admin']);
export const canWrite = (me: Me) => me.roles.some((r) => WRITER_ROLES.has(r.role));

/** Management moderates held messages, registers people and follows the institution's deliveries. */
export const MANAGEMENT_ROLES = new Set(['head', 'deputy_head', 'admin']);
export const managedInstitutions = (me: Me) => [...new Set(me.roles.filter((r) => MANAGEMENT_ROLES.has(r.role)).map((r) => r.institutionId))];
export const canManage = (me: Me) => managedInstitutions(me).length > 0;
