import type { VoteDetailDto, VoteDto } from '@phonghop/shared';
import { http } from '../../api/http';

const id = encodeURIComponent;

/** Votes change only through the live room's commands; HTTP reads drafts' text, closed results, and exports. */
export const votesApi = {
  list: (meetingId: string, signal?: AbortSignal) => http.get<VoteDto[]>(`/api/meetings/${id(meetingId)}/votes`, { signal }),
  detail: (voteId: string, signal?: AbortSignal) => http.get<VoteDetailDto>(`/api/votes/${id(voteId)}`, { signal }),
  csvUrl: (voteId: string) => `/api/votes/${id(voteId)}/export.csv`,
  meetingCsvUrl: (meetingId: string) => `/api/meetings/${id(meetingId)}/votes/export.csv`,
  pdfUrl: (voteId: string) => `/api/votes/${id(voteId)}/export.pdf`,
  meetingPdfUrl: (meetingId: string) => `/api/meetings/${id(meetingId)}/votes/export.pdf`,
};
