import type { AnnotationChange, AnnotationChangeResult, AnnotationListDto } from '@phonghop/shared';
import { http } from '../../api/http';

export const annotationsApi = {
  list: (documentId: string, version: number, since?: string, signal?: AbortSignal) =>
    http.get<AnnotationListDto>(
      `/api/documents/${encodeURIComponent(documentId)}/annotations?version=${version}${since ? `&since=${encodeURIComponent(since)}` : ''}`,
      { signal },
    ),
  /** The member's copy with their marks burned in, and their notes as text (server/src/annotations/annotations-export*). */
  annotatedPdfUrl: (documentId: string, version: number) => `/api/documents/${encodeURIComponent(documentId)}/annotated-pdf?version=${version}`,
  notesTextUrl: (documentId: string, version: number) => `/api/documents/${encodeURIComponent(documentId)}/notes?version=${version}&format=txt`,
  put: (change: AnnotationChange) => http.put<AnnotationChangeResult>(`/api/annotations/${encodeURIComponent(change.annotation.id)}`, change),
};
