import { z } from 'zod';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;

export const searchRequestSchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập từ khóa tìm kiếm.')
    .max(SEARCH_QUERY_MAX, `Từ khóa tìm kiếm không quá ${SEARCH_QUERY_MAX} ký tự.`)
    .refine((q) => /[\p{L}\p{N}]/u.test(q), 'Từ khóa tìm kiếm phải có chữ hoặc số.'),
  limit: z.coerce
    .number()
    .int('Số kết quả phải là số nguyên.')
    .min(1, 'Số kết quả tối thiểu là 1.')
    .max(SEARCH_LIMIT_MAX, `Số kết quả tối đa là ${SEARCH_LIMIT_MAX}.`)
    .default(SEARCH_LIMIT_DEFAULT),
});
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const SEARCH_KINDS = ['meeting', 'agenda_item', 'document', 'minutes'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A highlighted span of `snippet`, as UTF-16 offsets [start, end): the client wraps them, no HTML crosses the wire. */
export interface SearchHighlight {
  start: number;
  end: number;
}

export interface SearchHitDto {
  kind: SearchKind;
  /** The meeting's, agenda item's or document's id; the meeting's id for minutes. */
  id: string;
  meetingId: string;
  title: string;
  titleHighlights: SearchHighlight[];
  snippet: string;
  highlights: SearchHighlight[];
  /** Document hits: the page (1-based) whose text matched best; null when only the title matched. */
  page: number | null;
  /** Client route to open, e.g. /cuoc-hop/:id or /tai-lieu/:id?page=N. */
  link: string;
}

export interface SearchResultDto {
  query: string;
  hits: SearchHitDto[];
}
