import type { SearchKind } from '@phonghop/shared';

/** Số/ký hiệu then trích yếu: "125/KH-UBND – Kế hoạch cải cách hành chính…". */
export function documentTitle(d: { number: string; symbol: string; summary: string }): string {
  const ref = [d.number, d.symbol].filter(Boolean).join('/');
  return ref ? `${ref} – ${d.summary}` : d.summary;
}

/** The client route that opens a hit (client/src/app/router.tsx). */
export function linkOf(kind: SearchKind, id: string, meetingId: string, page: number | null): string {
  switch (kind) {
    case 'document':
      return page ? `/tai-lieu/${id}?page=${page}` : `/tai-lieu/${id}`;
    case 'agenda_item':
      return `/cuoc-hop/${meetingId}#muc-${id}`;
    case 'minutes':
      return `/cuoc-hop/${meetingId}/bien-ban`;
    case 'meeting':
      return `/cuoc-hop/${meetingId}`;
  }
}
