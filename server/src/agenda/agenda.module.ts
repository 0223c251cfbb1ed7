import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentEntity } from '../documents/document.entity.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { UsersModule } from '../users/users.module.js';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaItemEntity, DocumentEntity]), MeetingsModule, UsersModule],
  controllers: [AgendaController],
  providers: [AgendaService],
  exports: [AgendaService],
})
export class AgendaModule {}
