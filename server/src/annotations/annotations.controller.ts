import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import {
  type AnnotationChangeInput,
  annotationChangeSchema,
  type AnnotationChangeResult,
  annotationListQuerySchema,
  type AnnotationListDto,
} from '@phonghop/shared';
import type { z } from 'zod';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { AnnotationsService } from './annotations.service.js';

const uuid = new ParseUUIDPipe();

@Controller('api')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get('documents/:documentId/annotations')
  list(
    @CurrentAuth() auth: RequestAuth,
    @Param('documentId', uuid) documentId: string,
    @Query(new ZodPipe(annotationListQuerySchema)) query: z.output<typeof annotationListQuerySchema>,
  ): Promise<AnnotationListDto> {
    return this.annotations.list(viewerOf(auth), documentId, query.version, query.since ? new Date(query.since) : undefined);
  }

  /** One change from the outbox: create, edit, share/unshare or delete (tombstone). Idempotent by rev. */
  @Put('annotations/:id')
  change(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(annotationChangeSchema)) change: AnnotationChangeInput,
  ): Promise<AnnotationChangeResult> {
    return this.annotations.change(viewerOf(auth), id, change);
  }
}
