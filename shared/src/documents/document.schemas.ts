import { z } from 'zod';
import type { PersonRef } from '../meetings/meeting.schemas.js';

/** Loại văn bản (Nghị định 30/2020/NĐ-CP) plus the drafts a council meeting discusses. */
export const DOCUMENT_TYPES = [
  'to_trinh',
  'bao_cao',
  'du_thao_nghi_quyet',
  'du_thao_quyet_dinh',
  'nghi_quyet',
  'quyet_dinh',
  'ke_hoach',
  'de_an',
  'chuong_trinh',
  'thong_bao',
  'cong_van',
  'bien_ban',
  'tai_lieu_khac',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const DOCUMENT_TYPE_LABELS_VI: Record<DocumentType, string> = {
  to_trinh: 'Tờ trình',
  bao_cao: 'Báo cáo',
  du_thao_nghi_quyet: 'Dự thảo nghị quyết',
  du_thao_quyet_dinh: 'Dự thảo quyết định',
  nghi_quyet: 'Nghị quyết',
  quyet_dinh: 'Quyết định',
  ke_hoach: 'Kế hoạch',
  de_an: 'Đề án',
  chuong_trinh: 'Chương trình',
  thong_bao: 'Thông báo',
  cong_van: 'Công văn',
  bien_ban: 'Biên bản',
  tai_lieu_khac: 'Tài liệu khác',
};

/** Độ mật (Luật Bảo vệ bí mật nhà nước 2018). Anything above "none" is never uploaded. */
export const CLASSIFICATIONS = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export const classificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof classificationSchema>;
export const CLASSIFICATION_LABELS_VI: Record<Classification, string> = {
  none: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

/** participants: everyone in the meeting except guests; selected: only the listed people (guests included). */
export const DOCUMENT_AUDIENCES = ['participants', 'selected'] as const;
export const documentAudienceSchema = z.enum(DOCUMENT_AUDIENCES);
export type DocumentAudience = z.infer<typeof documentAudienceSchema>;

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (YYYY-MM-DD).' });

export const documentMetadataSchema = z.object({
  docType: documentTypeSchema,
  /** Số (e.g. "12"), ký hiệu (e.g. "TTr-UBND"): printed as "Số: 12/TTr-UBND". */
  number: z.string().trim().max(20).default(''),
  symbol: z.string().trim().max(60).default(''),
  issuedOn: isoDate.nullable().default(null),
  issuer: z.string().trim().max(200).default(''),
  /** Trích yếu: the one-line summary of the document's content. */
  summary: z.string().trim().min(1, 'Vui lòng nhập trích yếu nội dung văn bản.').max(1000),
  classification: classificationSchema.default('none'),
  agendaItemId: z.uuid().nullable().default(null),
  audience: documentAudienceSchema.default('participants'),
  grantedUserIds: z.array(z.uuid()).max(500).default([]),
});
export type DocumentMetadata = z.input<typeof documentMetadataSchema>;

export const updateDocumentMetadataSchema = documentMetadataSchema.partial().omit({ classification: true });

export const newVersionRequestSchema = z.object({
  /** What changed, shown to members beside the "Đã cập nhật" badge. */
  changeNote: z.string().trim().min(1, 'Vui lòng ghi chú nội dung thay đổi.').max(1000),
});

export interface DocumentVersionDto {
  version: number;
  pageCount: number;
  sizeBytes: number;
  originalName: string;
  /** pdf, docx, doc, odt, xlsx, pptx */
  originalKind: string;
  changeNote: string;
  uploadedAt: string;
  uploadedBy: PersonRef;
  /** Content hash of the PDF members read: the tablet's cache key. */
  pdfSha256: string;
}

export interface DocumentDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  docType: DocumentType;
  number: string;
  symbol: string;
  issuedOn: string | null;
  issuer: string;
  summary: string;
  audience: DocumentAudience;
  grantedUserIds: string[];
  current: DocumentVersionDto;
  versions: DocumentVersionDto[];
  /** For the viewer: a newer version exists than the one they last opened. */
  updatedForMe: boolean;
  lastOpenedVersion: number | null;
}

/** Sổ theo dõi tài liệu mật bản giấy: classified papers are handed out and returned, never uploaded. */
export const paperRegisterEntryRequestSchema = z.object({
  title: z.string().trim().min(1, 'Vui lòng nhập tên tài liệu.').max(500),
  classification: z.enum(['mat', 'toi_mat', 'tuyet_mat']),
  number: z.string().trim().max(20).default(''),
  symbol: z.string().trim().max(60).default(''),
  copies: z.number().int().min(1, 'Số bản phải từ 1 trở lên.').max(500),
  agendaItemId: z.uuid().nullable().default(null),
});

export const paperCopyHandoutRequestSchema = z.object({
  copyNo: z.number().int().min(1),
  recipientUserId: z.uuid(),
});
export const paperCopyReturnRequestSchema = z.object({ copyNo: z.number().int().min(1) });

export interface PaperCopyDto {
  copyNo: number;
  recipient: PersonRef | null;
  handedOutAt: string | null;
  returnedAt: string | null;
}

export interface PaperRegisterEntryDto {
  id: string;
  title: string;
  classification: Exclude<Classification, 'none'>;
  number: string;
  symbol: string;
  agendaItemId: string | null;
  copies: PaperCopyDto[];
}

/** Tablet → server: the pack (this document version) is stored on the device. */
export const deliveryReportSchema = z.object({
  meetingId: z.uuid(),
  items: z
    .array(z.object({ documentId: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(500),
});

export interface DeliveryRowDto {
  user: PersonRef;
  role: string;
  /** Per document: the version stored on the member's tablet, and the latest one opened. */
  documents: Array<{ documentId: string; receivedVersion: number | null; openedVersion: number | null }>;
  receivedAll: boolean;
  openedAny: boolean;
}
