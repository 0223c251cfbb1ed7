import type { DeliveryRowDto, DocumentDto, DocumentMetadata, PaperRegisterEntryDto } from '@phonghop/shared';
import { http } from '../../api/http';
import { uploadWithProgress } from './upload';

const d = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const mtg = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const documentsApi = {
  list: (meetingId: string, signal?: AbortSignal) => http.get<DocumentDto[]>(`${mtg(meetingId)}/documents`, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<DocumentDto>(d(id), { signal }),
  remove: (id: string) => http.del(d(id)),
  opened: (id: string, version: number) => http.post(`${d(id)}/opened`, { version }),
  fileUrl: (id: string, version: number) => `${d(id)}/file?v=${version}`,
  originalUrl: (id: string, version: number) => `${d(id)}/original?v=${version}`,
  delivery: (meetingId: string, signal?: AbortSignal) => http.get<DeliveryRowDto[]>(`${mtg(meetingId)}/delivery`, { signal }),
  upload: (meetingId: string, file: File, meta: DocumentMetadata, onProgress: (fraction: number) => void) =>
    uploadWithProgress<DocumentDto>(`${mtg(meetingId)}/documents`, file, { 'X-Document-Metadata': encodeURIComponent(JSON.stringify(meta)) }, onProgress),
  newVersion: (id: string, file: File, changeNote: string, onProgress: (fraction: number) => void) =>
    uploadWithProgress<DocumentDto>(`${d(id)}/versions`, file, { 'X-Change-Note': encodeURIComponent(changeNote) }, onProgress),
  paperList: (meetingId: string, signal?: AbortSignal) => http.get<PaperRegisterEntryDto[]>(`${mtg(meetingId)}/paper-register`, { signal }),
  paperCreate: (meetingId: string, body: { title: string; classification: 'mat' | 'toi_mat' | 'tuyet_mat'; number?: string; symbol?: string; copies: number }) =>
    http.post<PaperRegisterEntryDto[]>(`${mtg(meetingId)}/paper-register`, body),
  paperHandout: (entryId: string, copyNo: number, recipientUserId: string) =>
    http.post<PaperRegisterEntryDto[]>(`/api/paper-register/${encodeURIComponent(entryId)}/handout`, { copyNo, recipientUserId }),
  paperReturn: (entryId: string, copyNo: number) => http.post<PaperRegisterEntryDto[]>(`/api/paper-register/${encodeURIComponent(entryId)}/return`, { copyNo }),
};
