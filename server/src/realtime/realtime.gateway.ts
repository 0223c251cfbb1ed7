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
  ERROR_MESSAGES_VI,
  PROTOCOL_VERSION,
  rooms,
  type ServerToClientEvents,
  type SocketData,
} from '@phonghop/shared';
import { SessionsService } from '../auth/sessions.service.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { LiveService } from '../live/live.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ZodPipe } from '../common/zod.pipe.js';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: TypedServer): void {
    this.emitter.attach(server);
    server.use(handshakeMiddleware(this.sessions, this.config.allowedOrigins));
  }

  async handleConnection(socket: TypedSocket): Promise<void> {
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
    await this.live.authorise(viewerOf(socket), body.meetingId, 'live:join');
    // Join before reading the snapshot: an event committed in between arrives as a fact with a later seq.
    await socket.join(rooms.meeting(body.meetingId));
    return { ok: true, ...(await this.live.snapshot(body.meetingId)) };
  }

  @SubscribeMessage('live:sync')
  async liveSync(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['live:sync'])) body: CommandInput<'live:sync'>,
  ): Promise<Ok<'live:sync'>> {
    await this.live.authorise(viewerOf(socket), body.meetingId, 'live:sync');
    return { ok: true, ...(await this.live.sync(body.meetingId, body.afterSeq)) };
  }

  @SubscribeMessage('meeting:start')
  meetingStart(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['meeting:start'])) body: CommandInput<'meeting:start'>,
  ): Promise<Ok<'meeting:start'>> {
    return this.control(socket, 'meeting:start', body);
  }

  @SubscribeMessage('meeting:pause')
  meetingPause(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['meeting:pause'])) body: CommandInput<'meeting:pause'>,
  ): Promise<Ok<'meeting:pause'>> {
    return this.control(socket, 'meeting:pause', body);
  }

  @SubscribeMessage('meeting:resume')
  meetingResume(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['meeting:resume'])) body: CommandInput<'meeting:resume'>,
  ): Promise<Ok<'meeting:resume'>> {
    return this.control(socket, 'meeting:resume', body);
  }

  @SubscribeMessage('meeting:end')
  meetingEnd(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['meeting:end'])) body: CommandInput<'meeting:end'>,
  ): Promise<Ok<'meeting:end'>> {
    return this.control(socket, 'meeting:end', body);
  }

  @SubscribeMessage('agenda:open-item')
  agendaOpenItem(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['agenda:open-item'])) body: CommandInput<'agenda:open-item'>,
  ): Promise<Ok<'agenda:open-item'>> {
    return this.control(socket, 'agenda:open-item', body);
  }

  @SubscribeMessage('presentation:go-to-page')
  presentationGoToPage(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['presentation:go-to-page'])) body: CommandInput<'presentation:go-to-page'>,
  ): Promise<Ok<'presentation:go-to-page'>> {
    return this.control(socket, 'presentation:go-to-page', body);
  }

  @SubscribeMessage('attendance:check-in')
  attendanceCheckIn(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['attendance:check-in'])) body: CommandInput<'attendance:check-in'>,
  ): Promise<Ok<'attendance:check-in'>> {
    return this.control(socket, 'attendance:check-in', body);
  }

  @SubscribeMessage('attendance:mark')
  attendanceMark(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['attendance:mark'])) body: CommandInput<'attendance:mark'>,
  ): Promise<Ok<'attendance:mark'>> {
    return this.control(socket, 'attendance:mark', body);
  }

  @SubscribeMessage('speaker:request')
  speakerRequest(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['speaker:request'])) body: CommandInput<'speaker:request'>,
  ): Promise<Ok<'speaker:request'>> {
    return this.control(socket, 'speaker:request', body);
  }

  @SubscribeMessage('speaker:withdraw')
  speakerWithdraw(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['speaker:withdraw'])) body: CommandInput<'speaker:withdraw'>,
  ): Promise<Ok<'speaker:withdraw'>> {
    return this.control(socket, 'speaker:withdraw', body);
  }

  @SubscribeMessage('speaker:grant')
  speakerGrant(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['speaker:grant'])) body: CommandInput<'speaker:grant'>,
  ): Promise<Ok<'speaker:grant'>> {
    return this.control(socket, 'speaker:grant', body);
  }

  @SubscribeMessage('speaker:end-turn')
  speakerEndTurn(
    @ConnectedSocket() socket: TypedSocket,
    @MessageBody(new ZodPipe(commandSchemas['speaker:end-turn'])) body: CommandInput<'speaker:end-turn'>,
  ): Promise<Ok<'speaker:end-turn'>> {
    return this.control(socket, 'speaker:end-turn', body);
  }

  private async control<K extends LiveControlCommand>(socket: TypedSocket, name: K, body: CommandInput<K>): Promise<{ ok: true; seq: number }> {
    return { ok: true, ...(await this.live.command(viewerOf(socket), name, body)) };
  }
}

function viewerOf(socket: TypedSocket) {
  return { userId: socket.data.userId, systemRole: socket.data.role };
}
