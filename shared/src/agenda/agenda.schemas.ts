import { z } from 'zod';
import type { AgendaStatus, PersonRef } from '../meetings/meeting.schemas.js';

const title = z.string().trim().min(1, 'Vui lòng nhập nội dung mục chương trình.').max(500, 'Tối đa 500 ký tự.');

export const createAgendaItemRequestSchema = z.object({
  title,
  /** A sub-item (1.1, 1.2 …) of this item; one level of nesting, as in council agendas. */
  parentId: z.uuid().nullable().default(null),
  presenterUserId: z.uuid().nullable().default(null),
  /** Free text when the presenter has no account (e.g. "Đại diện Phòng Tài chính – Kế hoạch"). */
  presenterName: z.string().trim().max(200).default(''),
  plannedMinutes: z.number().int().min(0).max(600).default(15),
  isPublic: z.boolean().default(true),
});
export type CreateAgendaItemRequest = z.input<typeof createAgendaItemRequestSchema>;

export const updateAgendaItemRequestSchema = z.object({
  title: title.optional(),
  presenterUserId: z.uuid().nullable().optional(),
  presenterName: z.string().trim().max(200).optional(),
  plannedMinutes: z.number().int().min(0).max(600).optional(),
  isPublic: z.boolean().optional(),
});
export type UpdateAgendaItemRequest = z.input<typeof updateAgendaItemRequestSchema>;

/** The whole new order, as ids per parent: robust to concurrent edits (the server checks it is a permutation). */
export const reorderAgendaRequestSchema = z.object({
  order: z.array(z.object({ id: z.uuid(), parentId: z.uuid().nullable() })).min(1).max(500),
});
export type ReorderAgendaRequest = z.input<typeof reorderAgendaRequestSchema>;

export interface AgendaItemDto {
  id: string;
  parentId: string | null;
  /** "1", "1.1" … computed from the order. */
  number: string;
  position: number;
  title: string;
  presenter: PersonRef | null;
  presenterName: string;
  plannedMinutes: number;
  isPublic: boolean;
  documentIds: string[];
}

export interface AgendaDto {
  status: AgendaStatus;
  approvedAt: string | null;
  approvedBy: PersonRef | null;
  items: AgendaItemDto[];
}

/** Numbers items 1, 2 … and their children 1.1, 1.2 … in position order. Pure; used by server and client. */
export function numberAgenda<T extends { id: string; parentId: string | null; position: number }>(
  items: readonly T[],
): Array<T & { number: string }> {
  const byPosition = (a: T, b: T) => a.position - b.position;
  const roots = items.filter((i) => !i.parentId).sort(byPosition);
  const out: Array<T & { number: string }> = [];
  roots.forEach((root, r) => {
    out.push({ ...root, number: String(r + 1) });
    items
      .filter((i) => i.parentId === root.id)
      .sort(byPosition)
      .forEach((child, c) => out.push({ ...child, number: `${r + 1}.${c + 1}` }));
  });
  return out;
}
