import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { isUUID } from 'class-validator';
import Redis from 'ioredis';
import type { Server, Socket } from 'socket.io';
import type { Actor } from '@app/auth/actor';
import { authError } from '@app/auth/auth-errors';
import { AuthService } from '@app/auth/auth.service';
import { type AccessChanged, SessionEvents } from '@app/auth/session-events';
import { AppConfig } from '@app/platform/config/app-config';
import { DomainError } from '@app/platform/errors';
import { toErrorResponse } from '@app/platform/http/error.filter';
import { InboxEvents } from '../inbox-events/inbox-events.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { BridgeRelay } from './bridge-relay';
import { bindRecoveryToOwner } from './owner-bound-recovery';
import { userRoom } from './realtime.contract';
import { SocketPublisher } from './socket.publisher';

type AckReply = { ok: true } | { error: { code: string; message: string } };

/** Server-side only (nothing is ever sent to it): lets one sign-in session's sockets be ended. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * socket.io on the default namespace of the HTTP server. The handshake must carry a live access token
 * (`auth: { token }`); each socket joins only its own `user:<id>` room, chosen here from the token,
 * never by the client. Several instances share rooms through the Redis Streams adapter, which also
 * backs connection-state recovery (a client that reconnects within two minutes gets what it missed,
 * but only with a token of the same sign-in session).
 *
 * A socket lives only as long as its sign-in session: every incoming event re-checks the session
 * first, and `SessionEvents` (logout, password change or reset, refresh-token reuse, deactivation)
 * disconnect the affected sockets at once on every instance. Events from other apps and the worker
 * (the kitchen's `meals:*`) come over the realtime bridge's pub/sub channel ({@link BridgeRelay}).
 */
@WebSocketGateway({
  // Sockets authenticate with a bearer token in the handshake, never with cookies, so a foreign origin
  // gains nothing without a token; CORS is therefore open for browser clients on other origins.
  cors: { origin: true, credentials: false },
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
})
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  @WebSocketServer()
  server!: Server;

  private readonly logger = new Logger('Realtime');
  private readonly streams: Redis;
  private readonly subscriber: Redis;

  constructor(
    private readonly auth: AuthService,
    private readonly receipts: ReceiptsService,
    private readonly inboxEvents: InboxEvents,
    private readonly publisher: SocketPublisher,
    private readonly sessions: SessionEvents,
    private readonly bridge: BridgeRelay,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    // Dedicated connections: the adapter blocks on XREAD and the subscriber is in subscribe mode.
    const options = { maxRetriesPerRequest: null, lazyConnect: false };
    this.streams = new Redis(config.env.REDIS_URL, options);
    this.subscriber = new Redis(config.env.REDIS_URL, options);
    this.streams.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
  }

  afterInit(server: Server): void {
    const prefix = this.config.env.REDIS_PREFIX;
    server.adapter(
      createAdapter(this.streams, {
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:sio:session:`,
        // The reader notices shutdown only between blocking reads; a short block lets instances stop quickly.
        blockTimeInMs: 1000,
      }),
    );
    server.use((socket, next) => {
      this.admit(socket.handshake.auth).then(
        (actor) => {
          socket.data.actor = actor;
          next();
        },
        (e: unknown) => next(socketError(e)),
      );
    });
    bindRecoveryToOwner(server.of('/'), (auth) => this.admit(auth));
    this.publisher.attach(server);
    void this.subscriber.subscribe(this.sessions.channel, this.bridge.channel);
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.bridge.channel) void this.bridge.relay(server, raw);
      else this.onAccessChanged(raw);
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = socket.data.actor as Actor | undefined;
    if (!actor) return void socket.disconnect(true);
    socket.use((packet, next) => this.checkSession(socket, packet, next));
    await socket.join([userRoom(actor.userId), sessionRoom(actor.sessionId)]);
    // A session that ended between the handshake and joining the rooms was announced to nobody.
    if (await this.recheck(socket)) return void socket.disconnect(true);
    const counts = await this.inboxEvents.unreadCounts([actor.userId]);
    socket.emit('unread:count', { count: counts.get(actor.userId) ?? 0 });
  }

  @SubscribeMessage('message:read')
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<AckReply> {
    return this.run(socket, body, (actor, id) => this.receipts.markRead(actor, id));
  }

  @SubscribeMessage('message:ack')
  ack(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<AckReply> {
    return this.run(socket, body, (actor, id) => this.receipts.acknowledge(actor, id));
  }

  /** Same services and error codes as HTTP; the answer goes back as the event's acknowledgement. */
  private async run(socket: Socket, body: unknown, act: (actor: Actor, messageId: string) => Promise<void>): Promise<AckReply> {
    const messageId = (body as { messageId?: unknown } | null)?.messageId;
    if (typeof messageId !== 'string' || !isUUID(messageId)) {
      return { error: { code: 'VALIDATION_FAILED', message: 'Send { messageId: <uuid> }' } };
    }
    try {
      await act(socket.data.actor as Actor, messageId);
      return { ok: true };
    } catch (e) {
      if (toErrorResponse(e, '').status >= 500) this.logger.error({ err: e }, 'socket event failed');
      return errorReply(e);
    }
  }

  /** A live session's actor for a handshake; sockets are refused until an issued password is changed. */
  private async admit(auth: Record<string, unknown> | undefined): Promise<Actor> {
    const token = auth?.token;
    if (typeof token !== 'string' || !token) throw authError.unauthenticated('Send auth: { token: accessToken }');
    const actor = await this.auth.authenticate(token);
    if (actor.mustChangePassword) throw authError.passwordChangeRequired();
    return actor;
  }

  /**
   * socket.io middleware for every incoming event, whatever its handler: the event runs only while
   * the session is live, with rights read now rather than at the handshake. A dead session's event is
   * answered SESSION_REVOKED (through its acknowledgement) and the socket is dropped.
   */
  private checkSession(socket: Socket, packet: unknown[], next: (err?: Error) => void): void {
    const ack = packet[packet.length - 1];
    const reply = typeof ack === 'function' ? (ack as (answer: unknown) => void) : () => undefined;
    this.recheck(socket).then(
      (refusal) => {
        if (!refusal) return next();
        // The answer is queued before the disconnect packet, so the client gets both, in that order.
        reply(errorReply(refusal));
        socket.disconnect(true);
      },
      (e: unknown) => {
        this.logger.error({ err: e }, 'session check failed');
        reply(errorReply(e));
      },
    );
  }

  /** Re-reads the socket's session into `socket.data.actor`; returns why it may not go on, if so. */
  private async recheck(socket: Socket): Promise<DomainError | undefined> {
    const { userId, sessionId } = socket.data.actor as Actor;
    try {
      const actor = await this.auth.sessionActor(userId, sessionId);
      if (actor.mustChangePassword) return authError.passwordChangeRequired();
      socket.data.actor = actor;
      return undefined;
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
  }

  /**
   * Each instance gets every event and drops its own sockets of the sessions that ended. A role
   * change keeps the sockets: rooms are per user, not per role, so what a socket receives does not
   * change, and every event re-reads the roles anyway; the actor is refreshed now so nothing holds
   * stale rights, and a socket whose session has meanwhile ended goes.
   */
  private onAccessChanged(raw: string): void {
    const event: AccessChanged | undefined = SessionEvents.parse(raw);
    if (!event) return;
    const mine = this.server.local;
    if (event.change === 'roles') {
      void mine
        .in(userRoom(event.userId))
        .fetchSockets()
        .then((sockets) =>
          Promise.all(
            sockets.map((s) =>
              this.recheck(s as unknown as Socket).then(
                (refusal) => refusal && s.disconnect(true),
                () => undefined,
              ),
            ),
          ),
        );
    } else if (event.sessionId) {
      mine.in(sessionRoom(event.sessionId)).disconnectSockets(true);
    } else if (event.exceptSessionId) {
      mine.in(userRoom(event.userId)).except(sessionRoom(event.exceptSessionId)).disconnectSockets(true);
    } else {
      mine.in(userRoom(event.userId)).disconnectSockets(true);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The adapter's heartbeat timer and blocking XREAD end with it; QUIT would wait for the XREAD.
    await Promise.resolve(this.server?.of('/').adapter.close()).catch(() => undefined);
    this.subscriber.disconnect();
    this.streams.disconnect();
  }
}

/** The same code and message HTTP would answer; never a stack. */
function errorReply(e: unknown): { error: { code: string; message: string } } {
  const { body } = toErrorResponse(e, '');
  return { error: { code: body.error.code, message: body.error.message } };
}

/** A refused handshake: socket.io-client sees `connect_error` with `data.code`. */
function socketError(e: unknown): Error {
  const { error } = errorReply(e);
  return Object.assign(new Error(error.message), { data: { code: error.code } });
}
