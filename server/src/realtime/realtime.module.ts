import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { LiveModule } from '../live/live.module.js';
import { VotesModule } from '../votes/votes.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({ imports: [AuthModule, DocumentsModule, LiveModule, VotesModule], providers: [RealtimeGateway] })
export class RealtimeModule {}
