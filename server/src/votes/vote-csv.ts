import {
  formatVnShort,
  VOTE_KIND_LABELS_VI,
  VOTE_RULE_LABELS_VI,
  VOTE_STATUS_LABELS_VI,
  type VoteBallotDto,
  type VoteDto,
  type VoteSeatDto,
} from '@phonghop/shared';
import type { CsvRow } from '../common/csv.js';

export interface VoteCsvInput {
  vote: VoteDto;
  seats: readonly VoteSeatDto[];
  /** Named votes after closing only; open and secret votes export counts alone. */
  ballots: readonly VoteBallotDto[] | null;
}

const when = (iso: string | null) => (iso ? formatVnShort(new Date(iso)) : '');
const percent = (n: number) => n.toFixed(2).replace('.', ',');

/** One vote as rows: its definition and counts, then (named votes) every member's choice. */
export function voteCsvRows({ vote, seats, ballots }: VoteCsvInput): CsvRow[] {
  const rows: CsvRow[] = [
    ['Nội dung biểu quyết', vote.question],
    ['Hình thức', VOTE_KIND_LABELS_VI[vote.kind]],
    ['Nguyên tắc thông qua', VOTE_RULE_LABELS_VI[vote.rule]],
    ['Trạng thái', VOTE_STATUS_LABELS_VI[vote.status]],
    ['Mở biểu quyết lúc', when(vote.openedAt)],
    ['Kết thúc lúc', when(vote.closedAt)],
  ];
  if (vote.status === 'cancelled') rows.push(['Lý do hủy', vote.cancelReason ?? '']);
  const result = vote.result;
  if (!result) {
    rows.push(['Số phiếu biểu quyết', vote.castCount]);
    return rows;
  }
  rows.push(
    ['Thành viên có mặt khi mở biểu quyết', result.eligible],
    ['Tổng số thành viên', result.totalMembers],
    ['Số phiếu biểu quyết', result.cast],
    ['Chưa biểu quyết', result.notVoted],
    ['Số phiếu cần để thông qua', result.threshold],
    ['Kết quả', result.outcomeLabel],
    [],
    ['Phương án', 'Số phiếu', 'Tỷ lệ (%)', 'Đạt'],
    ...result.options.map((o): CsvRow => [o.label, o.count, percent(o.percentOfBase), o.reached ? 'Đạt' : '']),
  );
  if (ballots) {
    const label = new Map(vote.options.map((o) => [o.key, o.label]));
    const byMember = new Map(ballots.map((b) => [b.seatUserId, b]));
    rows.push([], ['Thành viên', 'Lựa chọn', 'Ghi chú']);
    for (const seat of seats.filter((s) => s.eligible)) {
      const ballot = byMember.get(seat.seatUserId);
      const note = [seat.substituteName ? `Người dự thay: ${seat.substituteName}` : '', ballot?.recordedBySecretary ? 'Thư ký ghi nhận' : '']
        .filter(Boolean)
        .join('; ');
      rows.push([seat.fullName, ballot ? ballot.choices.map((c) => label.get(c) ?? c).join('; ') : 'Chưa biểu quyết', note]);
    }
  }
  return rows;
}

/** All votes of a meeting, one block each, separated by an empty row. */
export function meetingVotesCsvRows(title: string, votes: readonly VoteCsvInput[]): CsvRow[] {
  const rows: CsvRow[] = [
    ['Cuộc họp', title],
    ['Số lần biểu quyết', votes.length],
  ];
  votes.forEach((v, i) => rows.push([], [`Biểu quyết ${i + 1}/${votes.length}`], ...voteCsvRows(v)));
  return rows;
}
