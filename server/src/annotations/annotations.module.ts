import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AnnotationEntity } from './annotation.entity.js';
import { AnnotationAudience } from './annotation-audience.js';
import { AnnotationsController } from './annotations.controller.js';
import { AnnotationsExportController } from './annotations-export.controller.js';
import { AnnotationsExportService } from './annotations-export.service.js';
import { AnnotationsService } from './annotations.service.js';

/** Members' private annotations on document versions, synced per user (ADR 13). */
@Module({
  imports: [TypeOrmModule.forFeature([AnnotationEntity]), DocumentsModule, MeetingsModule],
  controllers: [AnnotationsController, AnnotationsExportController],
  providers: [AnnotationsService, AnnotationAudience, AnnotationsExportService],
})
export class AnnotationsModule {}
