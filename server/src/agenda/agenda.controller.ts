import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import {
  type AgendaDto,
  type CreateAgendaItemRequest,
  createAgendaItemRequestSchema,
  type ReorderAgendaRequest,
  reorderAgendaRequestSchema,
  type UpdateAgendaItemRequest,
  updateAgendaItemRequestSchema,
} from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { AgendaService } from './agenda.service.js';

const uuid = new ParseUUIDPipe();

@Controller('api/meetings/:meetingId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  get(@CurrentAuth() auth: RequestAuth, @Param('meetingId', uuid) meetingId: string): Promise<AgendaDto> {
    return this.agenda.get(viewerOf(auth), meetingId);
  }

  @Post('items')
  create(
    @CurrentAuth() auth: RequestAuth,
    @Param('meetingId', uuid) meetingId: string,
    @Body(new ZodPipe(createAgendaItemRequestSchema)) body: CreateAgendaItemRequest,
  ): Promise<AgendaDto> {
    return this.agenda.create(viewerOf(auth), meetingId, body);
  }

  @Patch('items/:itemId')
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('meetingId', uuid) meetingId: string,
    @Param('itemId', uuid) itemId: string,
    @Body(new ZodPipe(updateAgendaItemRequestSchema)) body: UpdateAgendaItemRequest,
  ): Promise<AgendaDto> {
    return this.agenda.update(viewerOf(auth), meetingId, itemId, body);
  }

  @Delete('items/:itemId')
  remove(
    @CurrentAuth() auth: RequestAuth,
    @Param('meetingId', uuid) meetingId: string,
    @Param('itemId', uuid) itemId: string,
  ): Promise<AgendaDto> {
    return this.agenda.remove(viewerOf(auth), meetingId, itemId);
  }

  @Put('order')
  reorder(
    @CurrentAuth() auth: RequestAuth,
    @Param('meetingId', uuid) meetingId: string,
    @Body(new ZodPipe(reorderAgendaRequestSchema)) body: ReorderAgendaRequest,
  ): Promise<AgendaDto> {
    return this.agenda.reorder(viewerOf(auth), meetingId, body);
  }
}
