import { Global, Module } from '@nestjs/common';
import { DbWriter } from './db-writer.js';

@Global()
@Module({ providers: [DbWriter], exports: [DbWriter] })
export class DatabaseModule {}
