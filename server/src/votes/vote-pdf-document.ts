import {
  formatVnDocumentDate,
  formatVnShort,
  VOTE_KIND_LABELS_VI,
  VOTE_RULE_LABELS_VI,
  VOTE_STATUS_LABELS_VI,
  type VoteDetailDto,
} from '@phonghop/shared';
import { vnPercent } from '../minutes/minutes-format.js';
import type { OfficialHeader } from '../minutes/official-pdf.js';

/**
 * The vote results as a document, independent of pdfkit (vote-pdf.ts draws it). It says what the CSV says: the
 * caller passes details already filtered by `canSeeResult`, so a result or a named vote's ballots appear only
 * when the viewer may see them; a secret or open vote never gets a table of members.
 */

export type Pair = readonly [label: string, value: string];

export interface VoteOptionLine {
  label: string;
  count: number;
  percent: string;
  /** Share of the rule's base, 0..1: the bar's filled part. */
  fraction: number;
  reached: boolean;
}

export interface VoteMemberLine {
  name: string;
  choice: string;
  note: string;
}

export interface VoteSection {
  heading: string;
  question: string;
  facts: Pair[];
  /** Eligible, cast, not voted…: the result's numbers, or the running count when the result is not visible. */
  tally: Pair[];
  options: VoteOptionLine[] | null;
  /** The rule's threshold as a share of the base (a mark on the bars); null without a result or with a base of 0. */
  thresholdFraction: number | null;
  /** "Thông qua", "Không thông qua", …; null without a visible result. */
  outcome: string | null;
  /** Why there is no result, or what a secret ballot does not record. */
  notice: string | null;
  /** Named votes with their ballots only: every eligible member and their choice. */
  members: VoteMemberLine[] | null;
}

export interface VoteReportDocument {
  header: OfficialHeader;
  title: string;
  meetingTitle: string;
  meetingLine: string;
  sections: VoteSection[];
  meta: { title: string; subject: string };
}

export interface VoteReportInput {
  org: { parentOrg: string; org: string; place: string };
  meeting: { title: string; startsAt: Date };
  votes: readonly VoteDetailDto[];
  /** The export's date, for the header's place and date line. */
  exportedAt: Date;
  /** A meeting's export numbers its votes ("Biểu quyết 1/3"). */
  numbered: boolean;
}

const when = (iso: string | null) => (iso ? formatVnShort(new Date(iso)) : '—');
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

export const NOT_VOTED = 'Chưa biểu quyết';

export function voteSection(vote: VoteDetailDto, heading: string): VoteSection {
  const facts: Pair[] = [
    ['Hình thức', VOTE_KIND_LABELS_VI[vote.kind]],
    ['Nguyên tắc thông qua', VOTE_RULE_LABELS_VI[vote.rule]],
    ['Trạng thái', VOTE_STATUS_LABELS_VI[vote.status]],
    ['Mở biểu quyết lúc', when(vote.openedAt)],
    ['Kết thúc lúc', when(vote.closedAt)],
  ];
  const section: VoteSection = {
    heading,
    question: vote.question,
    facts,
    tally: [],
    options: null,
    thresholdFraction: null,
    outcome: null,
    notice: null,
    members: null,
  };
  if (vote.status === 'cancelled') {
    section.tally = [['Số phiếu biểu quyết', String(vote.castCount)]];
    section.notice = `Biểu quyết đã hủy${vote.cancelReason ? `. Lý do: ${vote.cancelReason}` : ''}.`;
    return section;
  }
  const r = vote.result;
  if (!r) {
    section.tally = [
      ['Thành viên được biểu quyết', vote.eligibleCount === null ? '—' : String(vote.eligibleCount)],
      ['Số phiếu biểu quyết', String(vote.castCount)],
    ];
    section.notice = vote.status === 'open' ? 'Biểu quyết đang diễn ra; kết quả chưa có.' : 'Kết quả chưa được công bố.';
    return section;
  }
  section.tally = [
    ['Tổng số thành viên', String(r.totalMembers)],
    ['Được biểu quyết (có mặt khi mở)', String(r.eligible)],
    ['Số phiếu biểu quyết', String(r.cast)],
    ['Chưa biểu quyết', String(r.notVoted)],
    ['Số phiếu cần để thông qua', String(r.threshold)],
  ];
  if (r.quorum) section.tally.push(['Có mặt khi kết thúc / cần có', `${r.quorum.presentAtClose}/${r.quorum.required}`]);
  section.options = r.options.map((o) => ({
    label: o.label,
    count: o.count,
    percent: vnPercent(o.percentOfBase),
    fraction: clamp01(o.percentOfBase / 100),
    reached: o.reached,
  }));
  section.thresholdFraction = r.base > 0 ? clamp01(r.threshold / r.base) : null;
  section.outcome = r.outcomeLabel;
  if (vote.status === 'closed') section.notice = 'Kết quả chưa công bố tại cuộc họp.';
  if (vote.kind === 'secret') section.notice = 'Bỏ phiếu kín: chỉ ghi nhận số phiếu, không ghi nhận lựa chọn của từng thành viên.';
  if (vote.kind === 'named' && vote.ballots) section.members = memberLines(vote);
  return section;
}

function memberLines(vote: VoteDetailDto): VoteMemberLine[] {
  const label = new Map(vote.options.map((o) => [o.key, o.label]));
  const byMember = new Map((vote.ballots ?? []).map((b) => [b.seatUserId, b]));
  return vote.seats
    .filter((s) => s.eligible)
    .map((seat) => {
      const ballot = byMember.get(seat.seatUserId);
      const note = [seat.substituteName ? `Người dự thay: ${seat.substituteName}` : '', ballot?.recordedBySecretary ? 'Thư ký ghi nhận' : '']
        .filter(Boolean)
        .join('; ');
      return {
        name: seat.fullName,
        choice: ballot ? ballot.choices.map((c) => label.get(c) ?? c).join('; ') : NOT_VOTED,
        note,
      };
    });
}

/** One vote, or all votes of a meeting (drafts already left out by the caller). */
export function voteReportDocument(input: VoteReportInput): VoteReportDocument {
  const { votes, meeting } = input;
  const sections = votes.map((v, i) => voteSection(v, input.numbered ? `Biểu quyết ${i + 1}/${votes.length}` : 'Nội dung biểu quyết'));
  const meetingDate = formatVnDocumentDate(meeting.startsAt);
  return {
    header: {
      parentOrg: input.org.parentOrg.toLocaleUpperCase('vi'),
      org: input.org.org.toLocaleUpperCase('vi'),
      numberLine: null,
      placeDateLine: `${input.org.place}, ${formatVnDocumentDate(input.exportedAt)}`,
    },
    title: 'KẾT QUẢ BIỂU QUYẾT',
    meetingTitle: meeting.title,
    meetingLine: `Cuộc họp ${meetingDate}${input.numbered ? ` · ${votes.length === 0 ? 'không có biểu quyết' : `${votes.length} lần biểu quyết`}` : ''}`,
    sections,
    meta: {
      title: `Kết quả biểu quyết – ${meeting.title}`,
      subject: `Kết quả biểu quyết, cuộc họp ${meetingDate}`,
    },
  };
}

/** Column x offsets (from the left margin) of a table whose widths are given as shares of `total`. */
export function columns(total: number, shares: readonly number[]): { x: number; width: number }[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  let x = 0;
  return shares.map((s) => {
    const width = (total * s) / sum;
    const col = { x, width };
    x += width;
    return col;
  });
}
