import {
  type CreateVoteRequest,
  createVoteRequestSchema,
  DEFAULT_VOTE_OPTIONS,
  type VoteDto,
  type VoteKind,
  type VoteOption,
  type VoteRule,
} from '@phonghop/shared';
import { fieldErrors } from '../../api/field-errors';

/** The chair's (or secretary's) vote form, as typed; `formToRequest` turns it into the shared request. */
export interface VoteFormState {
  question: string;
  /** The agenda item the vote decides; '' for the item under way when it is created. */
  agendaItemId: string;
  kind: VoteKind;
  rule: VoteRule;
  /** default: Đồng ý / Không đồng ý / Không biểu quyết; custom: the rows below (plans, candidates). */
  optionsMode: 'default' | 'custom';
  customOptions: string[];
  /** A custom list also offers "Không biểu quyết". */
  withAbstain: boolean;
  maxChoices: number;
  quorumRequired: boolean;
  /** Countdown in seconds; null: the chair closes the vote. */
  durationSec: number | null;
  allowChange: boolean;
  showLiveChoices: boolean;
}

/** Countdowns offered in the form (seconds); the schema allows 10 s to 60 min. */
export const DURATION_CHOICES: readonly (number | null)[] = [null, 30, 60, 120, 180, 300, 600, 900];

const ABSTAIN = DEFAULT_VOTE_OPTIONS.find((o) => o.role === 'abstain')!;

/**
 * A new vote: an open yes/no vote, decided by more than half of all members (the Law on the Organisation of Local
 * Government: decisions of the People's Committee need more than half of its members), quorum required.
 */
export function emptyVoteForm(currentItemId: string | null): VoteFormState {
  return {
    question: '',
    agendaItemId: currentItemId ?? '',
    kind: 'open',
    rule: 'majority_of_all',
    optionsMode: 'default',
    customOptions: ['', ''],
    withAbstain: true,
    maxChoices: 1,
    quorumRequired: true,
    durationSec: null,
    allowChange: false,
    showLiveChoices: false,
  };
}

/** Custom options get plain keys in their order ("pa-1", "pa-2"…); the abstention keeps the default's key. */
export function customOptionKey(index: number): string {
  return `pa-${index + 1}`;
}

export function formToRequest(form: VoteFormState): CreateVoteRequest {
  const custom = form.optionsMode === 'custom';
  const options: VoteOption[] = custom
    ? [...form.customOptions.map((label, i) => ({ key: customOptionKey(i), label })), ...(form.withAbstain ? [{ ...ABSTAIN }] : [])]
    : DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o }));
  return {
    question: form.question,
    ...(form.agendaItemId ? { agendaItemId: form.agendaItemId } : {}),
    kind: form.kind,
    rule: form.rule,
    options,
    maxChoices: custom ? form.maxChoices : 1,
    quorumRequired: form.quorumRequired,
    // a secret ballot cannot be changed, nor counted on screen while open (docs/vote-secrecy.md)
    allowChange: form.kind === 'secret' ? false : form.allowChange,
    showLiveChoices: form.kind === 'open' ? form.showLiveChoices : false,
    ...(form.durationSec === null ? {} : { durationSec: form.durationSec }),
  };
}

/** The form's fields an error can belong to; `customOption:<i>` for a row of the custom list. */
export type VoteFormErrors = Record<string, string>;

/** The request, or the schema's (Vietnamese) messages per field: the same rules the server applies. */
export function validateVoteForm(form: VoteFormState): { ok: true; request: CreateVoteRequest } | { ok: false; errors: VoteFormErrors } {
  const request = formToRequest(form);
  const parsed = createVoteRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, request };
  const errors: VoteFormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(parsed.error.issues))) {
    const row = /^options\.(\d+)\./.exec(path);
    const field = row ? `customOption:${row[1]}` : path.split('.')[0];
    if (!(field in errors)) errors[field] = message;
  }
  return { ok: false, errors };
}

const sameAsDefault = (options: readonly VoteOption[]) =>
  options.length === DEFAULT_VOTE_OPTIONS.length &&
  options.every((o, i) => o.key === DEFAULT_VOTE_OPTIONS[i].key && o.label === DEFAULT_VOTE_OPTIONS[i].label && o.role === DEFAULT_VOTE_OPTIONS[i].role);

/** A draft back into the form, to edit it. */
export function formFromDto(vote: VoteDto): VoteFormState {
  const custom = !sameAsDefault(vote.options);
  return {
    question: vote.question,
    agendaItemId: vote.agendaItemId ?? '',
    kind: vote.kind,
    rule: vote.rule,
    optionsMode: custom ? 'custom' : 'default',
    customOptions: custom ? vote.options.filter((o) => o.role !== 'abstain').map((o) => o.label) : ['', ''],
    withAbstain: custom ? vote.options.some((o) => o.role === 'abstain') : true,
    maxChoices: vote.maxChoices,
    quorumRequired: vote.quorumRequired,
    durationSec: vote.durationSec,
    allowChange: vote.allowChange,
    showLiveChoices: vote.showLiveChoices,
  };
}
