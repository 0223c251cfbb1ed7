import {
  ATTENDANCE_STATE_LABELS_VI,
  factsOfItem,
  formatVnDateTimeLong,
  formatVnDocumentDate,
  type MinutesDto,
  type PersonRef,
  type TurnFact,
  VOTE_KIND_LABELS_VI,
  VOTE_RULE_LABELS_VI,
  vnDateOf,
  type VoteFact,
} from '@phonghop/shared';
import { isoVn, vnClock, vnDuration, vnPercent } from './minutes-format.js';

/**
 * The minutes as a document, independent of the output format: the PDF (minutes-pdf.ts) and the DOCX
 * (minutes-docx.ts) draw the same model, so the two say the same thing. Layout rules of Nghị định 30/2020/NĐ-CP
 * live in the renderers; wording lives here.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block = { kind: 'heading'; text: string } | { kind: 'para'; runs: Run[]; indent: boolean };

export interface VisibleSignature {
  signerName: string;
  position: string;
  signingTime: Date;
  certificateSubject: string;
  demo: boolean;
}

export interface MinutesDocument {
  parentOrg: string;
  org: string;
  /** "Số: 15/BB-UBND", or "Số:      /BB-UBND" before the records office numbers it. */
  numberLine: string;
  /** "Phụng Hiệp, ngày 15 tháng 12 năm 2026". */
  placeDateLine: string;
  title: string;
  subtitle: string;
  draft: boolean;
  body: Block[];
  secretary: { title: string; name: string };
  chair: { title: string; position: string; name: string };
  recipients: string[];
  signature: VisibleSignature | null;
  /** For the file's metadata. */
  meta: { title: string; subject: string };
}

/** The lines of the visible signature block (ND 30: signer, position, signing time in ISO 8601 with +07:00). */
export function signatureLines(s: VisibleSignature): string[] {
  return [`Ký bởi: ${s.signerName}`, `Chức vụ: ${s.position}`, `Thời gian ký: ${isoVn(s.signingTime)}`, `Chứng thư: ${s.certificateSubject}`];
}

const para = (...runs: Run[]): Block => ({ kind: 'para', runs, indent: true });
const b = (text: string): Run => ({ text, bold: true });
const t = (text: string): Run => ({ text });
const i = (text: string): Run => ({ text, italic: true });

class Writer {
  readonly body: Block[] = [];
  constructor(private readonly m: MinutesDto) {}

  person(id: string | null | undefined): PersonRef | null {
    return id ? (this.m.people[id] ?? null) : null;
  }

  name(id: string): string {
    return this.person(id)?.fullName ?? 'Không rõ';
  }

  described(id: string): string {
    const p = this.person(id);
    if (!p) return 'Không rõ';
    const role = [p.position, p.unit].filter(Boolean).join(', ');
    return role ? `${p.fullName}, ${role}` : p.fullName;
  }

  note(key: string): string {
    return (this.m.notes[key] ?? '').trim();
  }
}

function attendanceSection(w: Writer, m: MinutesDto): void {
  const f = m.facts;
  const startedAt = f.started ? new Date(f.started.at) : new Date(m.meeting.scheduledStart);
  const chair = m.seats.find((s) => s.role === 'chair');
  const secretaries = m.seats.filter((s) => s.role === 'secretary');
  w.body.push({
    kind: 'heading',
    text: 'I. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN THAM DỰ',
  });
  w.body.push(para(b('1. Thời gian: '), t(`bắt đầu lúc ${formatVnDateTimeLong(startedAt)}.`)));
  w.body.push(para(b('2. Địa điểm: '), t(`${m.meeting.location}.`)));
  w.body.push(para(b('3. Chủ trì: '), t(chair ? `${w.described(chair.userId)}.` : 'chưa xác định.')));
  w.body.push(para(b('4. Thư ký: '), t(secretaries.length ? `${secretaries.map((s) => w.described(s.userId)).join('; ')}.` : 'chưa xác định.')));
  w.body.push(para(b('5. Thành phần tham dự:')));

  const stateOf = (userId: string) => f.attendance.find((a) => a.userId === userId);
  const present = (userId: string) => ['present_in_person', 'present_online'].includes(stateOf(userId)?.state ?? '');
  // the secretary is named above; the display only watches
  const sitting = m.seats.filter((s) => s.role === 'chair' || s.role === 'member');
  const inPerson: string[] = [];
  const online: string[] = [];
  const substitutes: string[] = [];
  const absent: string[] = [];
  for (const seat of sitting) {
    const sub = seat.rsvp === 'delegated' ? seat.substituteUserId : null;
    if (sub && present(sub)) {
      const how = stateOf(sub)?.state === 'present_online' ? ' (trực tuyến)' : '';
      substitutes.push(`${w.described(sub)}, dự thay ${w.described(seat.userId)}${how}`);
      continue;
    }
    const a = stateOf(seat.userId);
    if (a?.state === 'present_in_person') inPerson.push(w.described(seat.userId));
    else if (a?.state === 'present_online') online.push(w.described(seat.userId));
    else {
      const reason = a?.reason ?? (seat.rsvpReason.trim() || (a ? ATTENDANCE_STATE_LABELS_VI[a.state].toLowerCase() : 'không điểm danh'));
      absent.push(`${w.described(seat.userId)} (lý do: ${reason})`);
    }
  }
  const guests = m.seats.filter((s) => s.role === 'guest' && present(s.userId)).map((s) => w.described(s.userId));
  const letters = ['a', 'b', 'c', 'd', 'đ', 'e'];
  const groups: Array<[string, string[]]> = [
    ['Có mặt trực tiếp', inPerson],
    ['Có mặt trực tuyến', online],
    ['Dự thay', substitutes],
    ['Vắng mặt', absent],
    ['Khách mời', guests],
  ];
  groups
    .filter(([, names]) => names.length > 0)
    .forEach(([label, names], k) => {
      w.body.push(para(i(`${letters[k]}) ${label} (${names.length}):`)));
      for (const n of names) w.body.push(para(t(`- ${n};`)));
    });
}

function turnBlock(w: Writer, turn: TurnFact): Block {
  const when = `lúc ${vnClock(new Date(turn.startedAt))}${turn.durationMs !== null ? `, ${vnDuration(turn.durationMs)}` : ''}`;
  const summary = w.note(`turn:${turn.seq}`);
  return para(t('- '), b(w.name(turn.userId)), t(` (${when})${summary ? `: ${summary}` : '.'}`));
}

function optionLabel(v: VoteFact, key: string): string {
  return v.options.find((o) => o.key === key)?.label ?? key;
}

function voteBlocks(w: Writer, m: MinutesDto, v: VoteFact): Block[] {
  const out: Block[] = [para(b('Biểu quyết: '), t(`“${v.question}”.`))];
  out.push(
    para(
      t(
        `Hình thức: ${VOTE_KIND_LABELS_VI[v.kind]}; nguyên tắc thông qua: ${VOTE_RULE_LABELS_VI[v.rule].toLowerCase()}; mở lúc ${vnClock(new Date(v.openedAt))}.`,
      ),
    ),
  );
  if (v.status === 'cancelled') {
    out.push(para(t(`Biểu quyết đã hủy${v.cancelReason ? ` (lý do: ${v.cancelReason})` : ''}.`)));
    return out;
  }
  if (!v.result) {
    out.push(para(t(`Số thành viên được biểu quyết: ${v.eligibleCount}; đã biểu quyết: ${v.castCount}. Kết quả chưa được công bố tại cuộc họp.`)));
    return out;
  }
  const r = v.result;
  const counts = r.options.map((o) => `${o.label}: ${o.count}/${r.base} (${vnPercent(o.percentOfBase)})`).join('; ');
  out.push(
    para(
      t(
        `Tổng số thành viên: ${r.totalMembers}; được biểu quyết: ${r.eligible}; đã biểu quyết: ${r.cast}; không biểu quyết: ${r.notVoted}. ${counts}.`,
      ),
    ),
  );
  out.push(para(b('Kết quả: '), b(`${r.outcomeLabel}.`)));
  const ballots = m.namedBallots[v.voteId];
  if (v.kind === 'named' && ballots) {
    out.push(para(i('Biểu quyết của từng thành viên:')));
    for (const ballot of ballots) out.push(para(t(`- ${w.name(ballot.seatUserId)}: ${ballot.choices.map((c) => optionLabel(v, c)).join(', ')};`)));
  }
  return out;
}

function itemsSection(w: Writer, m: MinutesDto): void {
  const f = m.facts;
  w.body.push({ kind: 'heading', text: 'II. NỘI DUNG CUỘC HỌP' });
  const general = factsOfItem(f, null);
  if (general.turns.length || general.votes.length) {
    w.body.push(para(b('Ý kiến chung trước và ngoài các nội dung:')));
    general.turns.forEach((turn) => w.body.push(turnBlock(w, turn)));
    general.votes.forEach((v) => w.body.push(...voteBlocks(w, m, v)));
  }
  for (const item of f.items) {
    const agenda = m.agenda.find((a) => a.id === item.itemId);
    const times = `từ ${vnClock(new Date(item.startedAt))}${item.endedAt ? ` đến ${vnClock(new Date(item.endedAt))}` : ''}`;
    w.body.push(para(b(`${item.order}. ${agenda?.title ?? 'Nội dung'}`), t(` (${times})`)));
    if (agenda?.presenterName) w.body.push(para(t('Trình bày: '), t(`${agenda.presenterName}.`)));
    const { turns, votes } = factsOfItem(f, item.itemId);
    if (turns.length) {
      w.body.push(para(i('Ý kiến phát biểu:')));
      turns.forEach((turn) => w.body.push(turnBlock(w, turn)));
    }
    votes.forEach((v) => w.body.push(...voteBlocks(w, m, v)));
    const conclusion = w.note(`item:${item.itemId}:conclusion`);
    w.body.push(para(b('Kết luận của chủ trì: '), t(conclusion || '…')));
  }
}

/** The minutes as a document; `signature` only when it is being signed (the approved, frozen output). */
export function minutesDocument(m: MinutesDto, signature: VisibleSignature | null = null): MinutesDocument {
  const w = new Writer(m);
  const f = m.facts;
  const dated = f.started ? new Date(f.started.at) : new Date(m.meeting.scheduledStart);
  attendanceSection(w, m);
  itemsSection(w, m);
  const other = w.note('other-business');
  if (other) {
    w.body.push({ kind: 'heading', text: 'III. CÁC VẤN ĐỀ KHÁC' });
    for (const p of other.split(/\n+/)) w.body.push(para(t(p)));
  }
  if (f.ended) {
    const end = new Date(f.ended.at);
    const day = vnDateOf(end) === vnDateOf(dated) ? 'cùng ngày' : formatVnDocumentDate(end);
    w.body.push(para(t(`Cuộc họp kết thúc lúc ${vnClock(end)} ${day}./.`)));
  }
  const chairSeat = m.seats.find((s) => s.role === 'chair');
  const secretarySeat = m.seats.find((s) => s.role === 'secretary');
  const chair = w.person(chairSeat?.userId);
  const docNumber = w.note('doc-number');
  return {
    parentOrg: m.header.parentOrg.toLocaleUpperCase('vi'),
    org: m.header.org.toLocaleUpperCase('vi'),
    numberLine: `Số: ${docNumber || '      '}/${m.header.docSuffix}`,
    placeDateLine: `${m.header.place}, ${formatVnDocumentDate(dated)}`,
    title: 'BIÊN BẢN',
    subtitle: m.meeting.title,
    draft: m.status !== 'approved' && signature === null,
    body: w.body,
    secretary: {
      title: 'THƯ KÝ',
      name: secretarySeat ? w.name(secretarySeat.userId) : '',
    },
    chair: {
      title: 'CHỦ TRÌ',
      position: (chair?.position ?? '').toLocaleUpperCase('vi'),
      name: chair?.fullName ?? '',
    },
    recipients: ['- Các thành viên dự họp;', '- Lưu: VT.'],
    signature,
    meta: {
      title: `Biên bản ${m.meeting.title}`,
      subject: `Biên bản cuộc họp ${formatVnDocumentDate(dated)}`,
    },
  };
}
