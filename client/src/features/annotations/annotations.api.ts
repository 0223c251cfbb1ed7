import type { AnnotationChange, AnnotationChangeResult, AnnotationListDto } from '@phonghop/shared';
import { http } from '../../api/http';

export const annotationsApi = {
  list: (documentId: string, version: number, since?: string, signal?: AbortSignal) =>
    http.get<AnnotationListDto>(
      `/api/documents/${encodeURIComponent(documentId)}/annotations?version=${version}${since ? `&since=${encodeURIComponent(since)}` : ''}`,
      { signal },
    ),
  put: (change: AnnotationChange) => http.put<AnnotationChangeResult>(`/api/annotations/${encodeURIComponent(change.annotation.id)}`, change),
};
