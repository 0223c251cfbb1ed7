import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentEntity, DocumentGrantEntity } from '../documents/document.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { MinutesEntity } from '../minutes/minutes.entity.js';
import { SearchIndexer } from './search-indexer.service.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/**
 * Global so that meetings, agenda, documents and minutes can call the indexer after their writes without a
 * module cycle: the indexer depends on nothing but the database.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MeetingEntity, ParticipantEntity, DocumentEntity, DocumentGrantEntity, MinutesEntity])],
  controllers: [SearchController],
  providers: [SearchService, SearchIndexer],
  exports: [SearchIndexer],
})
export class SearchModule {}
