import type { AttendanceFact, MinutesDto, TurnFact, VoteFact } from '@phonghop/shared';

/** The minutes as the screen lays them out: pure, so the order and grouping are tested without a browser. */

export interface AttendanceRow {
  userId: string;
  name: string;
  position: string;
  role: string;
  state: AttendanceFact['state'];
  reason: string | null;
  /** Attends in the place of this seat holder. */
  substituteFor: string | null;
}

export interface ItemSection {
  itemId: string;
  number: string;
  title: string;
  presenterName: string;
  startedAt: string | null;
  endedAt: string | null;
  turns: TurnFact[];
  votes: VoteFact[];
}

const nameOf = (m: MinutesDto, userId: string) => m.people[userId]?.fullName ?? userId;

/** Seats in the minutes' order (chair, secretary, members, guests), each with the log's last attendance state. */
export function attendanceRows(m: MinutesDto): AttendanceRow[] {
  const facts = new Map(m.facts.attendance.map((a) => [a.userId, a]));
  const rank: Record<string, number> = { chair: 0, secretary: 1, member: 2, guest: 3 };
  return m.seats
    .filter((s) => s.role !== 'display')
    .map((s) => {
      // a delegated seat is attended by the substitute: their check-in is the seat's
      const who = s.substituteUserId ?? s.userId;
      const fact = facts.get(who) ?? facts.get(s.userId);
      return {
        userId: who,
        name: nameOf(m, who),
        position: m.people[who]?.position ?? '',
        role: s.role,
        state: fact?.state ?? 'unmarked',
        reason: fact?.reason ?? (s.rsvp === 'absent' && s.rsvpReason ? s.rsvpReason : null),
        substituteFor: s.substituteUserId ? nameOf(m, s.userId) : null,
      };
    })
    .sort((a, b) => (rank[a.role] ?? 9) - (rank[b.role] ?? 9));
}

/**
 * The agenda items in the order the meeting took them up (with their turns and votes), then the items never
 * reached in the planned order; turns and votes outside any item come under `unplaced`.
 */
export function itemSections(m: MinutesDto): { items: ItemSection[]; unplaced: { turns: TurnFact[]; votes: VoteFact[] } } {
  const handled = [...m.facts.items].sort((a, b) => a.order - b.order);
  const byId = new Map(m.agenda.map((a) => [a.id, a]));
  const order = [...handled.map((h) => h.itemId), ...m.agenda.map((a) => a.id).filter((id) => !handled.some((h) => h.itemId === id))];
  const items = order.flatMap((itemId): ItemSection[] => {
    const a = byId.get(itemId);
    if (!a) return [];
    const fact = handled.find((h) => h.itemId === itemId);
    return [
      {
        itemId,
        number: a.number,
        title: a.title,
        presenterName: a.presenterName,
        startedAt: fact?.startedAt ?? null,
        endedAt: fact?.endedAt ?? null,
        turns: m.facts.turns.filter((t) => t.itemId === itemId),
        votes: m.facts.votes.filter((v) => v.itemId === itemId && v.status !== 'cancelled'),
      },
    ];
  });
  const placed = new Set(items.map((i) => i.itemId));
  return {
    items,
    unplaced: {
      turns: m.facts.turns.filter((t) => t.itemId === null || !placed.has(t.itemId)),
      votes: m.facts.votes.filter((v) => (v.itemId === null || !placed.has(v.itemId)) && v.status !== 'cancelled'),
    },
  };
}

export const turnKey = (t: { seq: number }) => `turn:${t.seq}`;
export const conclusionKey = (itemId: string) => `item:${itemId}:conclusion`;
