import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  type Ack,
  type ClientToServerEvents,
  commandSchemas,
  type CommandInput,
  type CommandResult,
  type LiveControlCommand,
  LIVE_CONTROL_COMMANDS,
  ERROR_MESSAGES_VI,
  PROTOCOL_VERSION,
  rooms,
  type ServerToClientEvents,
  type SocketData,
  VOTE_COMMANDS,
  type VoteCommand,
} from '@phonghop/shared';
import { SessionsService } from '../auth/sessions.service.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { LiveService } from '../live/live.service.js';
import { BallotsService } from '../votes/ballots.service.js';
import { VotesService } from '../votes/votes.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { toHttpError } from '../common/http-exception.filter.js';
import { parseOrThrow, ZodPipe } from '../common/zod.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { handshakeMiddleware } from './handshake.js';
import { RealtimeEmitter, type TypedServer } from './realtime-emitter.js';
import { WsAckFilter } from './ws-ack.filter.js';

type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Ok<K extends keyof typeof commandSchemas> = Extract<Ack<CommandResult<K>>, { ok: true }>;

/**
 * The one socket entry point: authenticates the handshake, joins the user's rooms, validates every command
 * against its schema from `shared`, and answers each with an ack. Feature logic lives in services.
 */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  // A fast path only: after a restart or a long drop clients resync from the database (seq), not from this.
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
})
@UseFilters(WsAckFilter)
export class RealtimeGateway implements OnGatewayInit<TypedServer>, OnGatewayConnection<TypedSocket> {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    private readonly documentFiles: DocumentFilesService,
    private readonly live: LiveService,
    private readonly votes: VotesService,
    private readonly ballots: BallotsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: TypedServer): void {
    this.emitter.attach(server);
    server.use(handshakeMiddleware(this.sessions, this.config.allowedOrigins));
  }

  async handleConnection(socket: TypedSocket): Promise<void> {
    this.bindCommands(socket, LIVE_CONTROL_COMMANDS, (name, body) => this.live.command(viewerOf(socket), name, body));
    this.bindCommands(socket, VOTE_COMMANDS, (name, body) => this.runVoteCommand(socket, name, body));
    const { userId, sessionId, role } = socket.data;
    await socket.join([rooms.everyone, rooms.user(userId), rooms.role(role), rooms.session(sessionId)]);
    // socket.io drops events nobody listens to, which would leave a client's ack hanging forever.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in commandSchemas) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, code: 'UNKNOWN_EVENT', message: ERROR_MESSAGES_VI.UNKNOWN_EVENT });
    });
    socket.emit('session:welcomed', {
      protocolVersion: PROTOCOL_VERSION,
      userId,
      serverTime: this.clock.now().toISOString(),
      node: this.config.nodeName,
    });
    this.logger.debug(`connected ${socket.id} user=${userId}`);
  }

  @SubscribeMessage('session:ping')
  ping(
    @MessageBody(new ZodPipe(commandSchemas['session:ping'])) body: CommandInput<'session:ping'>,
  ): Ok<'session:ping'> {
    return { ok: true, serverTime: this.clock.now().toISOString(), clientTime: body.clientTime };
  }

  @SubscribeMessage('system:announce')
  announce(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['system:announce'])) body: CommandInput<'system:announce'>,
  ): Ok<'system:announce'> {
    if (socket.data.role !== 'admin') throw new AppError('FORBIDDEN');
    const at = this.clock.now().toISOString();
    this.emitter.to(rooms.everyone)?.emit('system:announced', { message: body.message, fromName: socket.data.fullName, at });
    return { ok: true, deliveredAt: at };
  }

  @SubscribeMessage('pack:report-delivery')
  async reportDelivery(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['pack:report-delivery'])) body: CommandInput<'pack:report-delivery'>,
  ): Promise<Ok<'pack:report-delivery'>> {
    const viewer = { userId: socket.data.userId, systemRole: socket.data.role };
    return { ok: true, recorded: await this.documentFiles.reportDelivery(viewer, body.meetingId, body.items) };
  }

  // ---- The live meeting room: logic in LiveService; here only validation and the ack.

  @SubscribeMessage('live:join')
  async liveJoin(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['live:join'])) body: CommandInput<'live:join'>,
  ): Promise<Ok<'live:join'>> {
    const viewer = viewerOf(socket);
    const ctx = await this.live.authorise(viewer, body.meetingId, 'live:join');
    // Join before reading: an event committed in between arrives both ways, and the client drops the repeat by seq.
    await socket.join(rooms.meeting(body.meetingId));
    return { ok: true, ...(await this.live.join(viewer, ctx, body)) };
  }

  @SubscribeMessage('live:sync')
  async liveSync(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['live:sync'])) body: CommandInput<'live:sync'>,
  ): Promise<Ok<'live:sync'>> {
    await this.live.authorise(viewerOf(socket), body.meetingId, 'live:sync');
    return { ok: true, ...(await this.live.sync(body.meetingId, body)) };
  }

  /**
   * The live control and vote commands all take the same path (validate, one service call, ack with the seq), so
   * they are bound in one loop rather than one decorated method each. Bound synchronously on connection, before
   * any await, so a command sent right after connecting is never missed.
   */
  private bindCommands<K extends LiveControlCommand | VoteCommand>(
    socket: TypedSocket,
    names: readonly K[],
    run: (name: K, body: CommandInput<K>) => Promise<{ seq: number }>,
  ): void {
    const raw = socket as unknown as Socket;
    for (const name of names) {
      const event: string = name;
      raw.on(event, (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: Ack<{ seq: number }>) => void) : () => undefined;
        const validated = async () => run(name, parseOrThrow(commandSchemas[name], payload) as CommandInput<K>);
        validated().then(
          (result) => reply({ ok: true, ...result }),
          (error: unknown) => {
            const { status, body } = toHttpError(error);
            if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
            reply({ ok: false, ...body });
          },
        );
      });
    }
  }

  private runVoteCommand(socket: TypedSocket, name: VoteCommand, body: CommandInput<VoteCommand>): Promise<{ seq: number; voteId: string }> {
    const viewer = viewerOf(socket);
    if (name === 'vote:cast') return this.ballots.cast(viewer, body as CommandInput<'vote:cast'>);
    if (name === 'vote:record') return this.ballots.record(viewer, body as CommandInput<'vote:record'>);
    return this.votes.run(viewer, name, body);
  }
}

function viewerOf(socket: TypedSocket) {
  return { userId: socket.data.userId, systemRole: socket.data.role };
}
