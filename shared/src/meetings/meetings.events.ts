import { deliveryReportSchema } from '../documents/document.schemas.js';

/** Sent to each participant's own room, so nobody hears of a meeting they are not in. */
export interface MeetingPublishedEvent {
  meetingId: string;
  title: string;
  startsAt: string;
}
export interface MeetingChangedEvent {
  meetingId: string;
}
export interface MeetingCancelledEvent {
  meetingId: string;
  title: string;
  reason: string;
}
export interface DocumentChangedEvent {
  meetingId: string;
  documentId: string;
  version: number;
  pdfSha256: string;
}
export interface DocumentRemovedEvent {
  meetingId: string;
  documentId: string;
}

export const meetingCommandSchemas = {
  /** The tablet stored these document versions of the pack ("đã nhận tài liệu"). */
  'pack:report-delivery': deliveryReportSchema,
} as const;

export interface MeetingCommandResults {
  'pack:report-delivery': { recorded: number };
}

export interface MeetingServerEvents {
  'meeting:published': (event: MeetingPublishedEvent) => void;
  'meeting:updated': (event: MeetingChangedEvent) => void;
  'meeting:cancelled': (event: MeetingCancelledEvent) => void;
  'document:added': (event: DocumentChangedEvent) => void;
  'document:updated': (event: DocumentChangedEvent) => void;
  'document:removed': (event: DocumentRemovedEvent) => void;
  /** To secretaries: someone's delivery state changed. */
  'pack:delivery-changed': (event: MeetingChangedEvent) => void;
}
