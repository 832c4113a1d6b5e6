import type { BridgedEvents } from '@app/notifications/realtime/realtime-bridge';

/**
 * What the post pushes to connected clients. Services publish through `RealtimePublisher` and never
 * touch socket.io; the gateway delivers to `user:<id>` rooms on whichever instance holds the socket.
 */
export interface MessageNewEvent {
  id: string;
  subject: string;
  preview: string;
  sender: { id: string; displayName: string };
  sentAt: string;
  priority: 'normal' | 'urgent';
  requiresAck: boolean;
}

export interface ServerEvents {
  'message:new': MessageNewEvent;
  'message:read': { messageId: string; userId: string; readAt: string };
  'message:acknowledged': { messageId: string; userId: string; ackedAt: string };
  'message:updated': { id: string; status: 'sent' | 'held' | 'rejected'; reason?: string };
  'unread:count': { count: number };
  /** From the worker over the realtime bridge (bridge-relay.ts), to the institution's kitchen. */
  'meals:report': BridgedEvents['meals:report'];
  'meals:update': BridgedEvents['meals:update'];
}

export type ServerEventName = keyof ServerEvents;

export abstract class RealtimePublisher {
  /** One packet for all rooms: the same payload to every user (fan-out through the adapter once). */
  abstract toUsers<E extends ServerEventName>(userIds: readonly string[], event: E, payload: ServerEvents[E]): void;
}

export const userRoom = (userId: string) => `user:${userId}`;
