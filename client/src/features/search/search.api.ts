import type { SearchResultDto } from '@phonghop/shared';
import { http } from '../../api/http';

/** The archive search: the server filters by what the user may open, so every hit is safe to show. */
export const searchApi = {
  search: (q: string, signal?: AbortSignal, limit = 30) =>
    http.get<SearchResultDto>(`/api/search?${new URLSearchParams({ q, limit: String(limit) }).toString()}`, { signal }),
};
