import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { RealtimePublisher, type ServerEventName, type ServerEvents, userRoom } from './realtime.contract';

/** Emits through the gateway's server; the adapter carries each packet to the instance holding the socket. */
@Injectable()
export class SocketPublisher extends RealtimePublisher {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  toUsers<E extends ServerEventName>(userIds: readonly string[], event: E, payload: ServerEvents[E]): void {
    if (!this.server || !userIds.length) return;
    this.server.to(userIds.map(userRoom)).emit(event, payload);
  }
}
