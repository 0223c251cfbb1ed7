import { z } from 'zod';
import { meetingRoleSchema, type MeetingRole } from './meeting-roles.js';
import { type LiveSettings, liveSettingsSchema } from '../live/live-settings.js';

export const MEETING_KINDS = ['regular', 'thematic', 'briefing', 'extraordinary', 'other'] as const;
export const meetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

export const MEETING_KIND_LABELS_VI: Record<MeetingKind, string> = {
  regular: 'Phiên họp thường kỳ',
  thematic: 'Phiên họp chuyên đề',
  briefing: 'Họp giao ban',
  extraordinary: 'Phiên họp bất thường',
  other: 'Cuộc họp khác',
};

/** draft → published → in_progress → ended → archived; cancelled from draft or published. */
export const MEETING_STATUSES = ['draft', 'published', 'in_progress', 'ended', 'archived', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

const text = (max: number, required?: string) =>
  required
    ? z.string().trim().min(1, required).max(max, `Tối đa ${max} ký tự.`)
    : z.string().trim().max(max, `Tối đa ${max} ký tự.`);

const isoInstant = z.iso.datetime({ offset: true, message: 'Thời gian không hợp lệ.' });

const meetingFields = {
  title: text(300, 'Vui lòng nhập tên cuộc họp.'),
  kind: meetingKindSchema,
  startsAt: isoInstant,
  endsAt: isoInstant,
  location: text(200, 'Vui lòng nhập địa điểm họp.'),
  organizer: text(200, 'Vui lòng nhập cơ quan tổ chức.'),
  /** Nội dung cuộc họp, as printed on the invitation. */
  content: text(4000).default(''),
  /** What participants must prepare (QĐ 45/2018/QĐ-TTg). */
  preparation: text(2000).default(''),
  /** Quorum rule, speaking time, check-in window; omitted: the defaults. */
  liveSettings: liveSettingsSchema.optional(),
};

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || new Date(v.endsAt).getTime() > new Date(v.startsAt).getTime();
const endsAfterStartIssue = { path: ['endsAt'], message: 'Thời gian kết thúc phải sau thời gian bắt đầu.' };

export const createMeetingRequestSchema = z.object(meetingFields).refine(endsAfterStart, endsAfterStartIssue);
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

export const updateMeetingRequestSchema = z
  .object(meetingFields)
  .partial()
  .refine(endsAfterStart, endsAfterStartIssue);
export type UpdateMeetingRequest = z.input<typeof updateMeetingRequestSchema>;

export const cancelMeetingRequestSchema = z.object({ reason: text(500, 'Vui lòng nêu lý do hủy cuộc họp.') });

export const publishMeetingRequestSchema = z.object({
  /** The secretary saw the "fewer than 3 working days" warning and publishes anyway. */
  acknowledgeShortNotice: z.boolean().default(false),
});

export const RSVP_STATUSES = ['pending', 'attending', 'absent', 'delegated'] as const;
export const rsvpStatusSchema = z.enum(RSVP_STATUSES);
export type RsvpStatus = z.infer<typeof rsvpStatusSchema>;

export const addParticipantRequestSchema = z.object({
  userId: z.uuid('Người tham dự không hợp lệ.'),
  role: meetingRoleSchema,
});
export const updateParticipantRequestSchema = z.object({ role: meetingRoleSchema });

export const rsvpRequestSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('attending') }),
  z.object({ status: z.literal('absent'), reason: text(500, 'Vui lòng nêu lý do vắng mặt.') }),
  z.object({
    status: z.literal('delegated'),
    substituteUserId: z.uuid('Vui lòng chọn người dự thay.'),
    reason: text(500).default(''),
  }),
]);
export type RsvpRequest = z.input<typeof rsvpRequestSchema>;

export interface PersonRef {
  id: string;
  fullName: string;
  position: string;
  unit: string;
}

export interface ParticipantDto {
  id: string;
  user: PersonRef;
  role: MeetingRole;
  rsvp: RsvpStatus;
  rsvpReason: string;
  /** Cử người dự thay: this person attends and holds the participant's rights for this meeting. */
  substitute: PersonRef | null;
  rsvpAt: string | null;
}

export interface MeetingSummaryDto {
  id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  location: string;
  organizer: string;
  chair: PersonRef | null;
  /** The viewer's own role, or null for staff who see every meeting. */
  myRole: MeetingRole | null;
  /** True when the viewer attends in place of someone else. */
  asSubstituteFor: PersonRef | null;
  updatedDocuments: number;
}

export interface MeetingDto extends MeetingSummaryDto {
  content: string;
  preparation: string;
  cancelReason: string | null;
  publishedAt: string | null;
  participants: ParticipantDto[];
  agendaStatus: AgendaStatus;
  liveSettings: LiveSettings;
  /** Permissions computed by the server for this viewer, so the client never guesses. */
  can: { edit: boolean; publish: boolean; approveAgenda: boolean; rsvp: boolean; seeDelivery: boolean };
}

export interface PublishResultDto {
  meeting: MeetingDto;
  workingDaysAhead: number;
  shortNotice: boolean;
}

export const AGENDA_STATUSES = ['draft', 'approved', 'published'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];
