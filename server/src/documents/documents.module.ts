import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { UsersModule } from '../users/users.module.js';
import { DocumentFilesService } from './document-files.service.js';
import { DocumentPipeline } from './document-pipeline.js';
import { DocumentViews } from './document-views.js';
import {
  DocumentAccessLogEntity,
  DocumentEntity,
  DocumentGrantEntity,
  DocumentPageTextEntity,
  DocumentReceiptEntity,
  DocumentVersionEntity,
} from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { PaperCopyEntity, PaperRegisterEntryEntity } from './paper-register.entity.js';
import { PaperRegisterService } from './paper-register.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      DocumentEntity,
      DocumentGrantEntity,
      DocumentVersionEntity,
      DocumentPageTextEntity,
      DocumentReceiptEntity,
      DocumentAccessLogEntity,
      PaperRegisterEntryEntity,
      PaperCopyEntity,
      AgendaItemEntity,
    ]),
    MeetingsModule,
    UsersModule,
  ],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentFilesService, DocumentViews, DocumentPipeline, PaperRegisterService],
  exports: [DocumentFilesService, DocumentsService],
})
export class DocumentsModule {}
