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
import { AuthService } from '@app/auth/auth.service';
import { type AccessChanged, SessionEvents } from '@app/auth/session-events';
import { AppConfig } from '@app/platform/config/app-config';
import { toErrorResponse } from '@app/platform/http/error.filter';
import { DeliveryService } from '../delivery/delivery.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { userRoom } from './realtime.contract';
import { SocketPublisher } from './socket.publisher';

type AckReply = { ok: true } | { error: { code: string; message: string } };

/**
 * socket.io on the default namespace of the HTTP server. The handshake must carry a live access token
 * (`auth: { token }`); each socket joins only its own `user:<id>` room, chosen here from the token,
 * never by the client. Several instances share rooms through the Redis Streams adapter, which also
 * backs connection-state recovery (a client that reconnects within two minutes gets what it missed).
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
    private readonly delivery: DeliveryService,
    private readonly publisher: SocketPublisher,
    private readonly sessions: SessionEvents,
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
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || !token) return next(socketError('UNAUTHENTICATED', 'Send auth: { token: accessToken }'));
      this.auth.authenticate(token).then(
        (actor) => {
          socket.data.actor = actor;
          next();
        },
        (e: unknown) => {
          const { body } = toErrorResponse(e, '');
          next(socketError(body.error.code, body.error.message));
        },
      );
    });
    this.publisher.attach(server);
    void this.subscriber.subscribe(this.sessions.channel);
    this.subscriber.on('message', (_channel: string, raw: string) => this.onAccessChanged(raw));
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = socket.data.actor as Actor | undefined;
    if (!actor) return void socket.disconnect(true);
    await socket.join(userRoom(actor.userId));
    const counts = await this.delivery.unreadCounts([actor.userId]);
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
      const { status, body: err } = toErrorResponse(e, '');
      if (status >= 500) this.logger.error({ err: e }, 'socket event failed');
      return { error: { code: err.error.code, message: err.error.message } };
    }
  }

  /** A deactivated or reset account loses its open sockets at once, on every instance (each gets the event). */
  private onAccessChanged(raw: string): void {
    let event: AccessChanged;
    try {
      event = JSON.parse(raw) as AccessChanged;
    } catch {
      return;
    }
    if (event.change === 'ended') this.server.local.in(userRoom(event.userId)).disconnectSockets(true);
  }

  async onApplicationShutdown(): Promise<void> {
    // The adapter's heartbeat timer and blocking XREAD end with it; QUIT would wait for the XREAD.
    await Promise.resolve(this.server?.of('/').adapter.close()).catch(() => undefined);
    this.subscriber.disconnect();
    this.streams.disconnect();
  }
}

function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}
