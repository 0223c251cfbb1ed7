import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VOTE_OPTIONS, tallyVote, type VoteDto } from '@phonghop/shared';
import { voteCsvRows } from './vote-csv.js';

const VOTE: VoteDto = {
  id: 'v1',
  meetingId: 'm1',
  agendaItemId: null,
  question: 'Thông qua dự toán',
  kind: 'named',
  rule: 'majority_of_present',
  options: [...DEFAULT_VOTE_OPTIONS],
  maxChoices: 1,
  quorumRequired: false,
  allowChange: false,
  durationSec: null,
  showLiveChoices: false,
  status: 'closed',
  openedAt: '2026-12-15T02:00:00.000Z',
  closesAt: null,
  closedAt: '2026-12-15T02:05:00.000Z',
  eligibleCount: 3,
  castCount: 2,
  result: tallyVote({ ballots: [['yes'], ['no']], options: DEFAULT_VOTE_OPTIONS, maxChoices: 1, rule: 'majority_of_present', eligible: 3, totalMembers: 3, quorum: null }),
  cancelReason: null,
};
const seat = (seatUserId: string, fullName: string, voted: boolean) => ({ seatUserId, fullName, substituteName: null, eligible: true, voted, recordedBySecretary: false });

describe('CSV export', () => {
  it('lists the counts with Vietnamese times and percentages, then each member of a named vote', () => {
    const rows = voteCsvRows({
      vote: VOTE,
      seats: [seat('c', 'Trần Văn Minh', true), seat('n', 'Lê Hoàng Nam', true), seat('l', 'Phạm Thị Lan', false)],
      ballots: [
        { seatUserId: 'c', fullName: 'Trần Văn Minh', choices: ['yes'], recordedBySecretary: false },
        { seatUserId: 'n', fullName: 'Lê Hoàng Nam', choices: ['no'], recordedBySecretary: true },
      ],
    });
    expect(rows).toContainEqual(['Mở biểu quyết lúc', '15/12/2026 09:00']);
    expect(rows).toContainEqual(['Kết quả', 'Không thông qua']);
    expect(rows).toContainEqual(['Đồng ý', 1, '33,33', '']);
    expect(rows.slice(-3)).toEqual([
      ['Trần Văn Minh', 'Đồng ý', ''],
      ['Lê Hoàng Nam', 'Không đồng ý', 'Thư ký ghi nhận'],
      ['Phạm Thị Lan', 'Chưa biểu quyết', ''],
    ]);
  });

  it('a vote without a visible result shows its state and the number of ballots only', () => {
    expect(voteCsvRows({ vote: { ...VOTE, kind: 'secret', result: null }, seats: [], ballots: null }).at(-1)).toEqual(['Số phiếu biểu quyết', 2]);
  });
});
