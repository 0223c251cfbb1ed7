import { z } from 'zod';
import type { VoteResult } from './tally.js';

/** công khai: only the counts are public; ghi danh: each member's choice is public and goes into the minutes. */
export const VOTE_KINDS = ['open', 'named', 'secret'] as const;
export const voteKindSchema = z.enum(VOTE_KINDS, { error: 'Hình thức biểu quyết không hợp lệ.' });
export type VoteKind = z.infer<typeof voteKindSchema>;

export const VOTE_KIND_LABELS_VI: Readonly<Record<VoteKind, string>> = {
  open: 'Biểu quyết công khai',
  named: 'Biểu quyết ghi danh',
  secret: 'Bỏ phiếu kín',
};

/** What a decision needs: the base (cast ballots, members present at opening, all members) and the fraction. */
export const VOTE_RULES = ['majority_of_cast', 'majority_of_present', 'majority_of_all', 'two_thirds_of_all'] as const;
export const voteRuleSchema = z.enum(VOTE_RULES, { error: 'Nguyên tắc thông qua không hợp lệ.' });
export type VoteRule = z.infer<typeof voteRuleSchema>;

export const VOTE_RULE_LABELS_VI: Readonly<Record<VoteRule, string>> = {
  majority_of_cast: 'Quá nửa số phiếu biểu quyết',
  majority_of_present: 'Quá nửa số thành viên có mặt',
  majority_of_all: 'Quá nửa tổng số thành viên',
  two_thirds_of_all: 'Ít nhất hai phần ba tổng số thành viên',
};

/**
 * An option's meaning for the tally. With a `yes` option the vote is a yes/no question and only `yes` can carry it;
 * without one, each option is a choice (a plan, a candidate) that carries on its own. `abstain` never carries.
 */
export const VOTE_OPTION_ROLES = ['yes', 'no', 'abstain'] as const;
export const voteOptionRoleSchema = z.enum(VOTE_OPTION_ROLES, { error: 'Loại phương án không hợp lệ.' });
export type VoteOptionRole = z.infer<typeof voteOptionRoleSchema>;

export const VOTE_MAX_OPTIONS = 20;

export const voteOptionSchema = z.object({
  key: z
    .string({ error: 'Mã phương án không hợp lệ.' })
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Mã phương án chỉ gồm chữ thường không dấu, chữ số, "-" và "_" (tối đa 40 ký tự).'),
  label: z
    .string({ error: 'Vui lòng nhập nội dung phương án.' })
    .trim()
    .min(1, 'Vui lòng nhập nội dung phương án.')
    .max(200, 'Nội dung phương án tối đa 200 ký tự.'),
  role: voteOptionRoleSchema.optional(),
});
export type VoteOption = z.output<typeof voteOptionSchema>;
export type VoteOptionInput = z.input<typeof voteOptionSchema>;

export const DEFAULT_VOTE_OPTIONS: readonly VoteOption[] = [
  { key: 'yes', label: 'Đồng ý', role: 'yes' },
  { key: 'no', label: 'Không đồng ý', role: 'no' },
  { key: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
];

/** Options that can be chosen together with others, i.e. all but the abstention. */
export function choosableOptionCount(options: readonly VoteOption[]): number {
  return options.filter((o) => o.role !== 'abstain').length;
}

export function isYesNoVote(options: readonly VoteOption[]): boolean {
  return options.some((o) => o.role === 'yes');
}

/** Why a list of options cannot make a vote (Vietnamese message), or null. Used by the schema and the tally. */
export function optionsIssue(options: readonly VoteOption[]): string | null {
  if (options.length < 2) return 'Cần ít nhất 2 phương án.';
  if (options.length > VOTE_MAX_OPTIONS) return `Tối đa ${VOTE_MAX_OPTIONS} phương án.`;
  if (new Set(options.map((o) => o.key)).size !== options.length) return 'Mã các phương án không được trùng nhau.';
  for (const role of VOTE_OPTION_ROLES) {
    if (options.filter((o) => o.role === role).length > 1) return 'Mỗi loại phương án (đồng ý, không đồng ý, không biểu quyết) chỉ có một.';
  }
  const hasYes = options.some((o) => o.role === 'yes');
  const hasNo = options.some((o) => o.role === 'no');
  if (hasYes !== hasNo) return 'Biểu quyết tán thành cần có cả phương án đồng ý và không đồng ý.';
  return null;
}

/** Why `maxChoices` does not fit the options, or null. A yes/no question takes exactly one answer. */
export function maxChoicesIssue(options: readonly VoteOption[], maxChoices: number): string | null {
  if (isYesNoVote(options)) return maxChoices === 1 ? null : 'Biểu quyết tán thành chỉ được chọn một phương án.';
  const choosable = choosableOptionCount(options);
  if (!Number.isSafeInteger(maxChoices) || maxChoices < 1 || maxChoices > choosable) {
    return `Số phương án được chọn phải từ 1 đến ${choosable}.`;
  }
  return null;
}

export const createVoteRequestSchema = z
  .object({
    question: z
      .string({ error: 'Vui lòng nhập nội dung biểu quyết.' })
      .trim()
      .min(1, 'Vui lòng nhập nội dung biểu quyết.')
      .max(1000, 'Nội dung biểu quyết tối đa 1000 ký tự.'),
    agendaItemId: z.string().min(1).max(100).optional(),
    kind: voteKindSchema,
    rule: voteRuleSchema,
    options: z
      .array(voteOptionSchema)
      .superRefine((options, ctx) => {
        const issue = optionsIssue(options);
        if (issue) ctx.addIssue({ code: 'custom', message: issue });
      })
      .default(() => DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o }))),
    maxChoices: z.number({ error: 'Số phương án được chọn không hợp lệ.' }).int('Số phương án được chọn phải là số nguyên.').default(1),
    /** Counted as "no quorum" when fewer members than the quorum are present at closing. */
    quorumRequired: z.boolean().default(true),
    /** Council convention: a ballot cannot be changed once cast. */
    allowChange: z.boolean().default(false),
    durationSec: z
      .number({ error: 'Thời gian biểu quyết không hợp lệ.' })
      .int('Thời gian biểu quyết phải là số giây nguyên.')
      .min(10, 'Thời gian biểu quyết ít nhất 10 giây.')
      .max(3600, 'Thời gian biểu quyết tối đa 60 phút.')
      .optional(),
    /** Running counts on screens while the vote is open; never for named or secret votes. */
    showLiveChoices: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const issue = maxChoicesIssue(v.options, v.maxChoices);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['maxChoices'] });
    // Changing a secret ballot would need to know the first choice, which is never stored (docs/vote-secrecy.md).
    if (v.allowChange && v.kind === 'secret') {
      ctx.addIssue({ code: 'custom', message: 'Bỏ phiếu kín không cho phép thay đổi phiếu đã bỏ.', path: ['allowChange'] });
    }
    if (v.showLiveChoices && v.kind !== 'open') {
      ctx.addIssue({ code: 'custom', message: 'Chỉ biểu quyết công khai mới được hiển thị kết quả trong khi đang biểu quyết.', path: ['showLiveChoices'] });
    }
  });
export type CreateVoteRequest = z.input<typeof createVoteRequestSchema>;
export type CreateVoteCommand = z.output<typeof createVoteRequestSchema>;

export type BallotIssueCode = 'EMPTY' | 'TOO_MANY' | 'DUPLICATE' | 'UNKNOWN_OPTION' | 'ABSTAIN_NOT_ALONE';
export interface BallotIssue {
  code: BallotIssueCode;
  message: string;
}

/** Why a ballot does not fit its vote, or null. The server checks this before storing a ballot. */
export function ballotIssue(choices: readonly string[], vote: { options: readonly VoteOption[]; maxChoices: number }): BallotIssue | null {
  if (choices.length === 0) return { code: 'EMPTY', message: 'Vui lòng chọn ít nhất một phương án.' };
  const byKey = new Map(vote.options.map((o) => [o.key, o]));
  const unknown = choices.find((c) => !byKey.has(c));
  if (unknown !== undefined) return { code: 'UNKNOWN_OPTION', message: `Phương án "${unknown}" không có trong phiếu biểu quyết.` };
  if (new Set(choices).size !== choices.length) return { code: 'DUPLICATE', message: 'Mỗi phương án chỉ được chọn một lần.' };
  const abstain = choices.map((c) => byKey.get(c)).find((o) => o?.role === 'abstain');
  if (abstain && choices.length > 1) {
    return { code: 'ABSTAIN_NOT_ALONE', message: `Đã chọn "${abstain.label}" thì không được chọn thêm phương án khác.` };
  }
  if (choices.length > vote.maxChoices) return { code: 'TOO_MANY', message: `Chỉ được chọn tối đa ${vote.maxChoices} phương án.` };
  return null;
}

const choices = z
  .array(z.string({ error: 'Phương án không hợp lệ.' }).min(1, 'Phương án không hợp lệ.').max(40, 'Phương án không hợp lệ.'), {
    error: 'Vui lòng chọn phương án.',
  })
  .min(1, 'Vui lòng chọn ít nhất một phương án.')
  .max(VOTE_MAX_OPTIONS, `Chỉ được chọn tối đa ${VOTE_MAX_OPTIONS} phương án.`)
  .refine((c) => new Set(c).size === c.length, 'Mỗi phương án chỉ được chọn một lần.');

/** The shape of a ballot, checkable before the vote is loaded (the gateway); then `ballotIssue` against the vote. */
export const castBallotRequestSchema = z.object({
  voteId: z.string({ error: 'Thiếu mã biểu quyết.' }).min(1, 'Thiếu mã biểu quyết.').max(100, 'Mã biểu quyết không hợp lệ.'),
  choices,
  idempotencyKey: z.string({ error: 'Thiếu khóa chống gửi lặp.' }).min(8, 'Khóa chống gửi lặp không hợp lệ.').max(100, 'Khóa chống gửi lặp không hợp lệ.'),
});
export type CastBallotRequest = z.input<typeof castBallotRequestSchema>;

/** The ballot form's schema for one vote: the shape plus the vote's options and maxChoices. */
export function castBallotRequestSchemaFor(vote: { options: readonly VoteOption[]; maxChoices: number }) {
  return castBallotRequestSchema.superRefine((b, ctx) => {
    const issue = ballotIssue(b.choices, vote);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: ['choices'] });
  });
}

export const cancelVoteRequestSchema = z.object({
  reason: z
    .string({ error: 'Vui lòng nêu lý do hủy biểu quyết.' })
    .trim()
    .min(1, 'Vui lòng nêu lý do hủy biểu quyết.')
    .max(500, 'Lý do hủy tối đa 500 ký tự.'),
});
export type CancelVoteRequest = z.input<typeof cancelVoteRequestSchema>;

/** draft → open → closed → published; cancelled (with a reason) from draft or open, never after closing. */
export const VOTE_STATUSES = ['draft', 'open', 'closed', 'published', 'cancelled'] as const;
export const voteStatusSchema = z.enum(VOTE_STATUSES);
export type VoteStatus = z.infer<typeof voteStatusSchema>;

export const VOTE_STATUS_LABELS_VI: Readonly<Record<VoteStatus, string>> = {
  draft: 'Chưa mở biểu quyết',
  open: 'Đang biểu quyết',
  closed: 'Đã kết thúc biểu quyết',
  published: 'Đã công bố kết quả',
  cancelled: 'Đã hủy',
};

// Once closed, the counted ballots stand: a result can be published but not withdrawn (a re-vote is a new vote).
const VOTE_TRANSITIONS: Readonly<Record<VoteStatus, readonly VoteStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['published'],
  published: [],
  cancelled: [],
};

export function canMoveVote(from: VoteStatus, to: VoteStatus): boolean {
  return VOTE_TRANSITIONS[from].includes(to);
}

/** A vote as the wire shows it. Times are ISO instants. */
export interface VoteDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  question: string;
  kind: VoteKind;
  rule: VoteRule;
  options: VoteOption[];
  maxChoices: number;
  quorumRequired: boolean;
  allowChange: boolean;
  durationSec: number | null;
  showLiveChoices: boolean;
  status: VoteStatus;
  openedAt: string | null;
  /** openedAt + durationSec; null without a countdown. */
  closesAt: string | null;
  closedAt: string | null;
  /** Voting members present when the vote opened; null before opening. */
  eligibleCount: number | null;
  castCount: number;
  /** Set on closing; null before (and after a cancellation). */
  result: VoteResult | null;
  cancelReason: string | null;
}
