import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { AccessPolicy } from '@app/access';
import type { Actor } from '@app/auth/actor';
import { type BridgedMessage, RealtimeBridge } from '@app/notifications/realtime/realtime-bridge';
import { userRoom } from './realtime.contract';

/**
 * The mail app's end of the realtime bridge: every instance receives each bridged message and emits
 * it to its own sockets only (`server.local`), so nothing goes through the adapter and nobody gets
 * it twice. An institution-wide audience is decided per socket by the access policy on the socket's
 * current rights (re-read on every incoming event and on every role change), not by a room joined
 * at the handshake, so a kitchen role taken away stops the pushes at once. Scanning this instance's
 * sockets is fine for events that come a few times a day per institution.
 */
@Injectable()
export class BridgeRelay {
  readonly channel: string;
  private readonly logger = new Logger('BridgeRelay');
  /** Relays run one after another: sockets get bridged events in the order they were published. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly access: AccessPolicy,
    bridge: RealtimeBridge,
  ) {
    this.channel = bridge.channel;
  }

  relay(server: Server, raw: string): Promise<void> {
    const message = RealtimeBridge.parse(raw);
    if (!message) return this.tail;
    this.tail = this.tail
      .then(async () => {
        const rooms = await this.roomsOf(server, message);
        if (rooms.length) server.local.to(rooms).emit(message.event, message.payload);
      })
      .catch((err: unknown) => this.logger.warn({ err, event: message.event }, 'bridged event not relayed'));
    return this.tail;
  }

  private async roomsOf(server: Server, { audience }: BridgedMessage): Promise<string[]> {
    if ('userIds' in audience) return audience.userIds.map(userRoom);
    const rooms = new Set<string>();
    for (const socket of await server.local.fetchSockets()) {
      const actor = socket.data.actor as Actor | undefined;
      if (actor && this.access.can(actor, audience.permission, audience.institutionId)) rooms.add(userRoom(actor.userId));
    }
    return [...rooms];
  }
}
