import { Controller, Get, Query } from '@nestjs/common';
import { type SearchRequest, type SearchResultDto, searchRequestSchema } from '@phonghop/shared';
import type { z } from 'zod';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { SearchService } from './search.service.js';

@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** GET /api/search?q=phong+hop+khong+giay&limit=20 */
  @Get()
  find(@CurrentAuth() auth: RequestAuth, @Query(new ZodPipe(searchRequestSchema)) query: SearchRequest): Promise<SearchResultDto> {
    const { q, limit } = query as z.output<typeof searchRequestSchema>;
    return this.search.search(viewerOf(auth), q, limit);
  }
}
