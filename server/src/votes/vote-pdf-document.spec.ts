import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VOTE_OPTIONS, tallyVote, type VoteDetailDto } from '@phonghop/shared';
import { columns, voteReportDocument, voteSection } from './vote-pdf-document.js';

const seat = (id: string, fullName: string, extra: Partial<VoteDetailDto['seats'][number]> = {}) => ({
  seatUserId: id,
  fullName,
  substituteName: null,
  eligible: true,
  voted: true,
  recordedBySecretary: false,
  ...extra,
});

function vote(extra: Partial<VoteDetailDto> = {}): VoteDetailDto {
  const options = [...DEFAULT_VOTE_OPTIONS];
  return {
    id: 'v1',
    meetingId: 'm1',
    agendaItemId: null,
    question: 'Thông qua Kế hoạch cải cách hành chính năm 2027',
    kind: 'named',
    rule: 'majority_of_present',
    options,
    maxChoices: 1,
    quorumRequired: false,
    allowChange: false,
    durationSec: null,
    showLiveChoices: false,
    status: 'published',
    openedAt: '2026-12-15T02:00:00Z',
    closesAt: null,
    closedAt: '2026-12-15T02:05:00Z',
    eligibleCount: 3,
    castCount: 2,
    result: tallyVote({ ballots: [['yes'], ['no']], options, maxChoices: 1, rule: 'majority_of_present', eligible: 3, totalMembers: 4, quorum: null }),
    cancelReason: null,
    seats: [seat('a', 'Trần Văn Minh'), seat('b', 'Lê Hoàng Nam', { substituteName: 'Võ Thị Hoa' }), seat('c', 'Phạm Thị Lan', { voted: false }), seat('d', 'Bùi Thanh Sơn', { eligible: false, voted: false })],
    ballots: [
      { seatUserId: 'a', fullName: 'Trần Văn Minh', choices: ['no'], recordedBySecretary: true },
      { seatUserId: 'b', fullName: 'Lê Hoàng Nam', choices: ['yes'], recordedBySecretary: false },
    ],
    createdBy: null,
    ...extra,
  };
}

describe('the vote results document', () => {
  it('gives a named vote its numbers, a bar share per option, the threshold mark, the outcome and every eligible member’s choice', () => {
    const s = voteSection(vote(), 'Nội dung biểu quyết');
    expect(s.facts).toContainEqual(['Hình thức', 'Biểu quyết ghi danh']);
    expect(s.facts).toContainEqual(['Mở biểu quyết lúc', '15/12/2026 09:00']);
    expect(s.tally).toEqual([
      ['Tổng số thành viên', '4'],
      ['Được biểu quyết (có mặt khi mở)', '3'],
      ['Số phiếu biểu quyết', '2'],
      ['Chưa biểu quyết', '1'],
      ['Số phiếu cần để thông qua', '2'],
    ]);
    expect(s.options?.map((o) => [o.label, o.count, o.percent, o.fraction.toFixed(4), o.reached])).toEqual([
      ['Đồng ý', 1, '33,33%', '0.3333', false],
      ['Không đồng ý', 1, '33,33%', '0.3333', false],
      ['Không biểu quyết', 0, '0%', '0.0000', false],
    ]);
    expect(s.thresholdFraction).toBeCloseTo(2 / 3);
    expect(s.outcome).toBe('Không thông qua');
    expect(s.members).toEqual([
      { name: 'Trần Văn Minh', choice: 'Không đồng ý', note: 'Thư ký ghi nhận' },
      { name: 'Lê Hoàng Nam', choice: 'Đồng ý', note: 'Người dự thay: Võ Thị Hoa' },
      { name: 'Phạm Thị Lan', choice: 'Chưa biểu quyết', note: '' },
    ]);
  });

  it('never lists members for a secret or an open vote, and says why a result is missing', () => {
    const secret = voteSection(vote({ kind: 'secret', ballots: null }), 'x');
    expect(secret.members).toBeNull();
    expect(secret.options).toHaveLength(3);
    expect(secret.notice).toMatch(/^Bỏ phiếu kín/);
    expect(voteSection(vote({ kind: 'open', ballots: null }), 'x').members).toBeNull();

    const hidden = voteSection(vote({ status: 'closed', result: null, ballots: null }), 'x');
    expect(hidden).toMatchObject({ options: null, outcome: null, members: null, notice: 'Kết quả chưa được công bố.' });
    expect(hidden.tally).toEqual([
      ['Thành viên được biểu quyết', '3'],
      ['Số phiếu biểu quyết', '2'],
    ]);
    const cancelled = voteSection(vote({ status: 'cancelled', result: null, ballots: null, cancelReason: 'Nhập sai nội dung' }), 'x');
    expect(cancelled).toMatchObject({ outcome: null, notice: 'Biểu quyết đã hủy. Lý do: Nhập sai nội dung.' });
  });

  it('heads the document in the ND 30 way with the meeting and its date, numbering the votes of a meeting', () => {
    const d = voteReportDocument({
      org: { parentOrg: 'UBND tỉnh Hậu Giang', org: 'Ủy ban nhân dân huyện Phụng Hiệp', place: 'Phụng Hiệp' },
      meeting: { title: 'Họp UBND huyện tháng 12/2026', startsAt: new Date('2026-12-14T18:30:00Z') },
      votes: [vote(), vote({ id: 'v2' })],
      exportedAt: new Date('2027-01-05T03:00:00Z'),
      numbered: true,
    });
    expect(d.header).toEqual({
      parentOrg: 'UBND TỈNH HẬU GIANG',
      org: 'ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP',
      numberLine: null,
      placeDateLine: 'Phụng Hiệp, ngày 05 tháng 01 năm 2027',
    });
    expect(d.title).toBe('KẾT QUẢ BIỂU QUYẾT');
    // 18:30 UTC is already the 15th in Vietnam
    expect(d.meetingLine).toBe('Cuộc họp ngày 15 tháng 12 năm 2026 · 2 lần biểu quyết');
    expect(d.sections.map((s) => s.heading)).toEqual(['Biểu quyết 1/2', 'Biểu quyết 2/2']);
  });

  it('splits a table width by shares', () => {
    expect(columns(200, [1, 3])).toEqual([
      { x: 0, width: 50 },
      { x: 50, width: 150 },
    ]);
  });
});
