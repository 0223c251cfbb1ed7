import type { AgendaDto, CreateAgendaItemRequest, ReorderAgendaRequest, UpdateAgendaItemRequest } from '@phonghop/shared';
import { http } from '../../api/http';

const a = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agenda`;

export const agendaApi = {
  get: (meetingId: string, signal?: AbortSignal) => http.get<AgendaDto>(a(meetingId), { signal }),
  add: (meetingId: string, body: CreateAgendaItemRequest) => http.post<AgendaDto>(`${a(meetingId)}/items`, body),
  update: (meetingId: string, itemId: string, body: UpdateAgendaItemRequest) =>
    http.patch<AgendaDto>(`${a(meetingId)}/items/${encodeURIComponent(itemId)}`, body),
  remove: (meetingId: string, itemId: string) => http.del<AgendaDto>(`${a(meetingId)}/items/${encodeURIComponent(itemId)}`),
  reorder: (meetingId: string, body: ReorderAgendaRequest) => http.put<AgendaDto>(`${a(meetingId)}/order`, body),
};
