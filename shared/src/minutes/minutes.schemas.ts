import { z } from 'zod';
import { type IsoDate, isValidIsoDate } from '../calendar/dates.js';
import type { MeetingRole } from '../meetings/meeting-roles.js';
import type { PersonRef, RsvpStatus } from '../meetings/meeting.schemas.js';
import type { ConclusionNoticeDue } from './conclusion-notice.js';
import type { MinutesFacts } from './minutes-facts.js';
import type { FactCheck, NamedBallot } from './minutes-verify.js';
import { TASK_PROGRESS, type TaskProgress, type TaskStatus } from './task-status.js';

/** dự thảo → trình chủ trì → đã duyệt và ký số; the chair can return a submitted draft; an edit after approval reopens it. */
export const MINUTES_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS_VI: Readonly<Record<MinutesStatus, string>> = {
  draft: 'Dự thảo',
  submitted: 'Đã trình chủ trì',
  approved: 'Đã duyệt, đã ký số',
};

/**
 * Free text is keyed by what it belongs to: `turn:<seq>` (the secretary's summary of the speaking turn granted by
 * event seq), `item:<agendaItemId>:conclusion` (the chair's conclusion on an item), `other-business`, `doc-number`
 * (the number given by the records office, as in "Số: 15/BB-UBND").
 */
export const MINUTES_NOTE_KEY = /^(turn:[1-9]\d{0,8}|item:[0-9a-f-]{36}:conclusion|other-business|doc-number)$/;
export const minutesNoteKeySchema = z.string().regex(MINUTES_NOTE_KEY, 'Mục ghi chép không hợp lệ.');
export const MINUTES_NOTE_MAX = 20_000;

const version = z.number({ error: 'Thiếu số phiên bản biên bản.' }).int().min(1, 'Số phiên bản biên bản không hợp lệ.');

/** An autosave: the version the editor started from, and the notes that changed (null or "" removes one). */
export const patchMinutesRequestSchema = z.object({
  version,
  notes: z
    .record(minutesNoteKeySchema, z.string().max(MINUTES_NOTE_MAX, `Mỗi mục ghi chép tối đa ${MINUTES_NOTE_MAX} ký tự.`).nullable())
    .refine((n) => Object.keys(n).length > 0, 'Không có nội dung nào thay đổi.')
    .refine((n) => Object.keys(n).length <= 200, 'Mỗi lần lưu tối đa 200 mục.')
    .refine((n) => (n['doc-number'] ?? '').length <= 20, {
      message: 'Số văn bản tối đa 20 ký tự.',
      path: ['doc-number'],
    }),
});
export type PatchMinutesRequest = z.input<typeof patchMinutesRequestSchema>;

export const minutesVersionRequestSchema = z.object({ version });
export type MinutesVersionRequest = z.input<typeof minutesVersionRequestSchema>;

const text = (max: number, empty: string) => z.string({ error: empty }).trim().min(1, empty).max(max, `Tối đa ${max} ký tự.`);

export const returnMinutesRequestSchema = z.object({
  version,
  comment: text(2000, 'Vui lòng ghi ý kiến khi trả lại biên bản.'),
});
export type ReturnMinutesRequest = z.input<typeof returnMinutesRequestSchema>;

export const minutesSharingRequestSchema = z.object({
  membersCanRead: z.boolean({ error: 'Giá trị không hợp lệ.' }),
});
export type MinutesSharingRequest = z.input<typeof minutesSharingRequestSchema>;

export const minutesCommentRequestSchema = z.object({
  text: text(2000, 'Vui lòng nhập nội dung góp ý.'),
  noteKey: minutesNoteKeySchema.optional(),
});
export type MinutesCommentRequest = z.input<typeof minutesCommentRequestSchema>;

export const createTaskRequestSchema = z.object({
  itemId: z.uuid('Nội dung kết luận không hợp lệ.'),
  content: text(2000, 'Vui lòng nhập nội dung nhiệm vụ.'),
  leadUnit: text(160, 'Vui lòng nhập đơn vị chủ trì thực hiện.'),
  leadUserId: z.uuid('Người chủ trì thực hiện không hợp lệ.').optional(),
  deadline: z
    .string({ error: 'Vui lòng nhập hạn hoàn thành.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Hạn hoàn thành phải có dạng YYYY-MM-DD.')
    .refine(isValidIsoDate, 'Hạn hoàn thành không phải ngày có thật.'),
});
export type CreateTaskRequest = z.input<typeof createTaskRequestSchema>;

export const taskUpdateRequestSchema = z
  .object({
    progress: z.enum(TASK_PROGRESS, { error: 'Trạng thái nhiệm vụ không hợp lệ.' }).optional(),
    note: z.string().trim().max(2000, 'Tối đa 2000 ký tự.').default(''),
  })
  .refine((u) => u.progress !== undefined || u.note.length > 0, {
    message: 'Vui lòng chọn trạng thái hoặc ghi nội dung cập nhật.',
    path: ['note'],
  });
export type TaskUpdateRequest = z.input<typeof taskUpdateRequestSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Wire shapes

export interface MinutesSeatDto {
  userId: string;
  role: MeetingRole;
  rsvp: RsvpStatus;
  rsvpReason: string;
  substituteUserId: string | null;
}

export interface MinutesAgendaItemDto {
  id: string;
  /** "1", "1.1" … */
  number: string;
  title: string;
  presenterName: string;
}

/** The document's header block (Nghị định 30/2020/NĐ-CP), from the server's settings and the meeting. */
export interface MinutesHeaderDto {
  /** Cơ quan chủ quản; "" when there is none. */
  parentOrg: string;
  /** Cơ quan ban hành. */
  org: string;
  /** Địa danh. */
  place: string;
  /** "BB-UBND". */
  docSuffix: string;
}

export interface SignedMinutesDto {
  number: number;
  minutesVersion: number;
  sha256: string;
  signedAt: string;
  signer: { fullName: string; position: string };
  certificateSubject: string;
  demoCertificate: boolean;
  /** Set once a later change made this signed version obsolete. */
  supersededAt: string | null;
}

export interface MinutesDto {
  meetingId: string;
  status: MinutesStatus;
  version: number;
  membersCanRead: boolean;
  header: MinutesHeaderDto;
  meeting: {
    title: string;
    location: string;
    scheduledStart: string;
    organizer: string;
  };
  seats: MinutesSeatDto[];
  people: Record<string, PersonRef>;
  agenda: MinutesAgendaItemDto[];
  facts: MinutesFacts;
  /** Named votes: each seat's choices (from the ballots, checked against the log by verifyMinutes). */
  namedBallots: Record<string, NamedBallot[]>;
  notes: Record<string, string>;
  submittedAt: string | null;
  approvedAt: string | null;
  returnComment: string | null;
  signed: SignedMinutesDto | null;
  can: {
    edit: boolean;
    submit: boolean;
    approve: boolean;
    share: boolean;
    comment: boolean;
  };
}

export interface MinutesRevisionDto {
  version: number;
  at: string;
  by: PersonRef | null;
  action: 'edit' | 'submit' | 'return' | 'approve' | 'reopen';
  changes: Array<{ key: string; before: string | null; after: string | null }>;
}

export interface MinutesCommentDto {
  id: string;
  at: string;
  by: PersonRef | null;
  text: string;
  noteKey: string | null;
}

export interface MinutesVerificationDto {
  ok: boolean;
  chain: { ok: true; lastSeq: number; headHash: string } | { ok: false; brokenAtSeq: number; reason: string };
  /** The stored minutes' last seq and its hash still match the log. */
  headMatches: boolean;
  checks: FactCheck[];
}

export interface SignatureStatusDto {
  signed: boolean;
  valid: boolean;
  /** The file's SHA-256 equals the one recorded at signing. */
  sha256Matches: boolean;
  digestMatches: boolean;
  signatureMatches: boolean;
  coversWholeFile: boolean;
  signer: string | null;
  signingTime: string | null;
  demoCertificate: boolean;
  problem: string | null;
  version: SignedMinutesDto | null;
}

export interface ConclusionNoticeDto extends ConclusionNoticeDue {
  meetingId: string;
  meetingTitle: string;
  issuedAt: string | null;
  conclusions: Array<{
    itemId: string;
    number: string;
    title: string;
    conclusion: string;
  }>;
}

export interface TaskUpdateDto {
  at: string;
  by: PersonRef | null;
  progress: TaskProgress | null;
  note: string;
}

export interface TaskDto {
  id: string;
  meetingId: string;
  meetingTitle: string;
  itemId: string;
  itemTitle: string;
  content: string;
  leadUnit: string;
  leadUser: PersonRef | null;
  deadline: IsoDate;
  progress: TaskProgress;
  /** progress, or quá hạn (derived from the deadline and the server's clock). */
  status: TaskStatus;
  statusLabel: string;
  createdAt: string;
  updates: TaskUpdateDto[];
}

/** What an autosave answers: the version to send next time. */
export interface MinutesSaveResultDto {
  version: number;
  status: MinutesStatus;
  savedAt: string;
  /** The keys that actually changed (an autosave of the same text changes nothing and keeps the version). */
  changed: string[];
}
