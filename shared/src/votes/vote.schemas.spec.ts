import { describe, expect, it } from '@jest/globals';
import {
  ballotIssue,
  canMoveVote,
  cancelVoteRequestSchema,
  castBallotRequestSchema,
  castBallotRequestSchemaFor,
  createVoteRequestSchema,
  DEFAULT_VOTE_OPTIONS,
  VOTE_KIND_LABELS_VI,
  VOTE_RULE_LABELS_VI,
  VOTE_STATUS_LABELS_VI,
  VOTE_STATUSES,
  type BallotIssueCode,
  type VoteOptionInput,
  type VoteStatus,
} from './vote.schemas.js';
import { VOTE_OUTCOME_LABELS_VI } from './tally.js';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

const minimal = { question: 'Thông qua Nghị quyết về kế hoạch đầu tư công năm 2026', kind: 'open', rule: 'majority_of_present' } as const;
const plans = (n: number): VoteOptionInput[] => Array.from({ length: n }, (_, i) => ({ key: `p${i + 1}`, label: `Phương án ${i + 1}` }));

describe('labels', () => {
  it('names kinds, rules, statuses and outcomes in Vietnamese', () => {
    expect(VOTE_KIND_LABELS_VI).toEqual({ open: 'Biểu quyết công khai', named: 'Biểu quyết ghi danh', secret: 'Bỏ phiếu kín' });
    expect(VOTE_RULE_LABELS_VI).toEqual({
      majority_of_cast: 'Quá nửa số phiếu biểu quyết',
      majority_of_present: 'Quá nửa số thành viên có mặt',
      majority_of_all: 'Quá nửa tổng số thành viên',
      two_thirds_of_all: 'Ít nhất hai phần ba tổng số thành viên',
    });
    expect(Object.keys(VOTE_STATUS_LABELS_VI)).toEqual([...VOTE_STATUSES]);
    expect(VOTE_OUTCOME_LABELS_VI).toEqual({ passed: 'Thông qua', rejected: 'Không thông qua', no_quorum: 'Không đủ số lượng đại biểu để biểu quyết' });
  });
});

describe('createVoteRequestSchema', () => {
  it('fills the defaults: Đồng ý / Không đồng ý / Không biểu quyết, one choice, quorum required, no change of ballot', () => {
    const v = createVoteRequestSchema.parse(minimal);
    expect(v).toEqual({ ...minimal, options: DEFAULT_VOTE_OPTIONS, maxChoices: 1, quorumRequired: true, allowChange: false, showLiveChoices: false });
    expect(v.durationSec).toBeUndefined();
    expect(v.agendaItemId).toBeUndefined();
  });

  it('gives each vote its own copy of the default options', () => {
    const v = createVoteRequestSchema.parse(minimal);
    v.options[0].label = 'changed';
    expect(DEFAULT_VOTE_OPTIONS[0].label).toBe('Đồng ý');
  });

  it('trims the question and keeps custom options, roles optional, with two choices', () => {
    const v = createVoteRequestSchema.parse({ ...minimal, question: '  Chọn phương án  ', options: [...plans(3), { key: 'none', label: 'Không biểu quyết', role: 'abstain' }], maxChoices: 2 });
    expect(v.question).toBe('Chọn phương án');
    expect(v.options.map((o) => o.key)).toEqual(['p1', 'p2', 'p3', 'none']);
    expect(v.maxChoices).toBe(2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty question', { question: '   ' }, 'Vui lòng nhập nội dung biểu quyết.'],
    ['a question over 1000 characters', { question: 'x'.repeat(1001) }, 'Nội dung biểu quyết tối đa 1000 ký tự.'],
    ['an unknown kind', { kind: 'show_of_hands' }, 'Hình thức biểu quyết không hợp lệ.'],
    ['an unknown rule', { rule: 'unanimous' }, 'Nguyên tắc thông qua không hợp lệ.'],
    ['a single option', { options: plans(1) }, 'Cần ít nhất 2 phương án.'],
    ['21 options', { options: plans(21) }, 'Tối đa 20 phương án.'],
    ['duplicate keys', { options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }, 'Mã các phương án không được trùng nhau.'],
    ['an empty label', { options: [{ key: 'a', label: ' ' }, { key: 'b', label: 'B' }] }, 'Vui lòng nhập nội dung phương án.'],
    ['a label over 200 characters', { options: [{ key: 'a', label: 'x'.repeat(201) }, { key: 'b', label: 'B' }] }, 'Nội dung phương án tối đa 200 ký tự.'],
    ['a key with spaces', { options: [{ key: 'phương án', label: 'A' }, { key: 'b', label: 'B' }] }, 'Mã phương án chỉ gồm chữ thường không dấu, chữ số, "-" và "_" (tối đa 40 ký tự).'],
    ['two abstentions', { options: [{ key: 'a', label: 'A' }, { key: 'x', label: 'X', role: 'abstain' }, { key: 'y', label: 'Y', role: 'abstain' }] }, 'Mỗi loại phương án (đồng ý, không đồng ý, không biểu quyết) chỉ có một.'],
    ['yes without no', { options: [{ key: 'y', label: 'Đồng ý', role: 'yes' }, { key: 'b', label: 'B' }] }, 'Biểu quyết tán thành cần có cả phương án đồng ý và không đồng ý.'],
    ['maxChoices 0', { options: plans(3), maxChoices: 0 }, 'Số phương án được chọn phải từ 1 đến 3.'],
    ['more choices than options', { options: [...plans(2), { key: 'n', label: 'Không biểu quyết', role: 'abstain' }], maxChoices: 3 }, 'Số phương án được chọn phải từ 1 đến 2.'],
    ['two choices on a yes/no question', { maxChoices: 2 }, 'Biểu quyết tán thành chỉ được chọn một phương án.'],
    ['a fractional maxChoices', { options: plans(3), maxChoices: 1.5 }, 'Số phương án được chọn phải là số nguyên.'],
    ['a countdown under 10 s', { durationSec: 9 }, 'Thời gian biểu quyết ít nhất 10 giây.'],
    ['a countdown over an hour', { durationSec: 3601 }, 'Thời gian biểu quyết tối đa 60 phút.'],
    ['live choices on a secret vote', { kind: 'secret', showLiveChoices: true }, 'Chỉ biểu quyết công khai mới được hiển thị kết quả trong khi đang biểu quyết.'],
    ['live choices on a named vote', { kind: 'named', showLiveChoices: true }, 'Chỉ biểu quyết công khai mới được hiển thị kết quả trong khi đang biểu quyết.'],
    ['a secret ballot that allows changing a ballot', { kind: 'secret', allowChange: true }, 'Bỏ phiếu kín không cho phép thay đổi phiếu đã bỏ.'],
  ])('refuses %s', (_what, patch, message) => {
    expect(messages(createVoteRequestSchema.safeParse({ ...minimal, ...patch }))).toEqual([message]);
  });

  it('accepts the bounds: 20 options, a 10 s and a 3600 s countdown, live choices on an open vote', () => {
    expect(createVoteRequestSchema.safeParse({ ...minimal, options: plans(20), maxChoices: 20 }).success).toBe(true);
    expect(createVoteRequestSchema.safeParse({ ...minimal, durationSec: 10 }).success).toBe(true);
    expect(createVoteRequestSchema.safeParse({ ...minimal, durationSec: 3600 }).success).toBe(true);
    expect(createVoteRequestSchema.safeParse({ ...minimal, showLiveChoices: true }).success).toBe(true);
  });

  it('points maxChoices and showLiveChoices issues at their field', () => {
    const r = createVoteRequestSchema.safeParse({ ...minimal, kind: 'secret', showLiveChoices: true, maxChoices: 2 });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['maxChoices', 'showLiveChoices']);
  });
});

describe('castBallotRequestSchema', () => {
  const ballot = { voteId: 'v1', choices: ['yes'], idempotencyKey: 'k-12345678' };

  it('accepts a well-formed ballot', () => {
    expect(castBallotRequestSchema.parse(ballot)).toEqual(ballot);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no choice', { choices: [] }, 'Vui lòng chọn ít nhất một phương án.'],
    ['a duplicate choice', { choices: ['yes', 'yes'] }, 'Mỗi phương án chỉ được chọn một lần.'],
    ['more than 20 choices', { choices: Array.from({ length: 21 }, (_, i) => `p${i}`) }, 'Chỉ được chọn tối đa 20 phương án.'],
    ['a missing vote', { voteId: undefined }, 'Thiếu mã biểu quyết.'],
    ['a short idempotency key', { idempotencyKey: 'k1' }, 'Khóa chống gửi lặp không hợp lệ.'],
  ])('refuses %s', (_what, patch, message) => {
    expect(messages(castBallotRequestSchema.safeParse({ ...ballot, ...patch }))).toEqual([message]);
  });

  it('checks a ballot against its vote: options, maxChoices, the abstention alone', () => {
    const schema = castBallotRequestSchemaFor({ options: DEFAULT_VOTE_OPTIONS, maxChoices: 1 });
    expect(schema.safeParse({ ...ballot, choices: ['abstain'] }).success).toBe(true);
    expect(messages(schema.safeParse({ ...ballot, choices: ['abstain', 'yes'] }))).toEqual(['Đã chọn "Không biểu quyết" thì không được chọn thêm phương án khác.']);
    expect(messages(schema.safeParse({ ...ballot, choices: ['yes', 'no'] }))).toEqual(['Chỉ được chọn tối đa 1 phương án.']);
    expect(messages(schema.safeParse({ ...ballot, choices: ['maybe'] }))).toEqual(['Phương án "maybe" không có trong phiếu biểu quyết.']);
  });
});

describe('ballotIssue', () => {
  const vote = { options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }, { key: 'n', label: 'Không biểu quyết', role: 'abstain' as const }], maxChoices: 2 };
  it.each<[string[], BallotIssueCode | null]>([
    [['a'], null],
    [['a', 'c'], null],
    [['n'], null],
    [[], 'EMPTY'],
    [['a', 'b', 'c'], 'TOO_MANY'],
    [['a', 'a'], 'DUPLICATE'],
    [['z'], 'UNKNOWN_OPTION'],
    [['n', 'a'], 'ABSTAIN_NOT_ALONE'],
  ])('%j → %s', (choices, code) => {
    expect(ballotIssue(choices, vote)?.code ?? null).toBe(code);
  });
});

describe('cancelVoteRequestSchema', () => {
  it('requires a reason', () => {
    expect(messages(cancelVoteRequestSchema.safeParse({ reason: '  ' }))).toEqual(['Vui lòng nêu lý do hủy biểu quyết.']);
    expect(cancelVoteRequestSchema.parse({ reason: ' Nhầm nội dung ' })).toEqual({ reason: 'Nhầm nội dung' });
  });
});

describe('canMoveVote', () => {
  const allowed = new Set(['draft>open', 'draft>cancelled', 'open>closed', 'open>cancelled', 'closed>published']);
  const pairs = VOTE_STATUSES.flatMap((from) => VOTE_STATUSES.map((to): [VoteStatus, VoteStatus, boolean] => [from, to, allowed.has(`${from}>${to}`)]));
  it.each(pairs)('%s → %s: %s', (from, to, expected) => {
    expect(canMoveVote(from, to)).toBe(expected);
  });
});
