import type {
  CreateMeetingRequest,
  DirectoryEntryDto,
  MeetingDto,
  MeetingRole,
  MeetingSummaryDto,
  PersonRef,
  PublishResultDto,
  RsvpRequest,
  UpdateMeetingRequest,
} from '@phonghop/shared';
import { http } from '../../api/http';

const m = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

/** The giấy mời content as the server lays it out (GET /api/meetings/:id/invitation). */
export interface InvitationDto {
  title: string;
  organizer: string;
  subject: string;
  kind: string;
  chair: { fullName: string; position: string } | null;
  attendees: Array<{ fullName: string; position: string; unit: string; role: string; substituteFor: string | null }>;
  content: string;
  agenda: Array<{ number: string; title: string }>;
  time: string;
  location: string;
  preparation: string;
}

export type MeetingScope = 'upcoming' | 'past' | 'all';

export const meetingsApi = {
  list: (scope: MeetingScope, signal?: AbortSignal) => http.get<MeetingSummaryDto[]>(`/api/meetings?scope=${scope}`, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<MeetingDto>(m(id), { signal }),
  create: (body: CreateMeetingRequest) => http.post<MeetingDto>('/api/meetings', body),
  update: (id: string, body: UpdateMeetingRequest) => http.patch<MeetingDto>(m(id), body),
  addParticipant: (id: string, userId: string, role: MeetingRole) => http.post<MeetingDto>(`${m(id)}/participants`, { userId, role }),
  changeRole: (id: string, participantId: string, role: MeetingRole) =>
    http.patch<MeetingDto>(`${m(id)}/participants/${encodeURIComponent(participantId)}`, { role }),
  removeParticipant: (id: string, participantId: string) => http.del<MeetingDto>(`${m(id)}/participants/${encodeURIComponent(participantId)}`),
  approveAgenda: (id: string) => http.post<MeetingDto>(`${m(id)}/agenda/approve`),
  publish: (id: string, acknowledgeShortNotice: boolean) => http.post<PublishResultDto>(`${m(id)}/publish`, { acknowledgeShortNotice }),
  cancel: (id: string, reason: string) => http.post<MeetingDto>(`${m(id)}/cancel`, { reason }),
  rsvp: (id: string, body: RsvpRequest) => http.post<MeetingDto>(`${m(id)}/rsvp`, body),
  substituteCandidates: (id: string, signal?: AbortSignal) => http.get<PersonRef[]>(`${m(id)}/substitute-candidates`, { signal }),
  invitation: (id: string, signal?: AbortSignal) => http.get<InvitationDto>(`${m(id)}/invitation`, { signal }),
  icsUrl: (id: string) => `${m(id)}/calendar.ics`,
  directory: (signal?: AbortSignal) => http.get<DirectoryEntryDto[]>('/api/users/directory', { signal }),
};
