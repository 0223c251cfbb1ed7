import { ballotIssue, type VoteOption } from '@phonghop/shared';

/** What the ballot card needs of a vote. */
export interface BallotShape {
  options: readonly VoteOption[];
  maxChoices: number;
}

/** One answer per ballot: a tap on an option is the whole choice, and goes straight to the confirmation. */
export function isSingleChoice(vote: BallotShape): boolean {
  return vote.maxChoices === 1;
}

const isAbstain = (vote: BallotShape, key: string) => vote.options.find((o) => o.key === key)?.role === 'abstain';

/**
 * The selection after tapping `key`, by the ballot's rules: one option replaces the other on a single-choice
 * ballot; with up to k, a tap adds or removes, "Không biểu quyết" stands alone (choosing it clears the others,
 * choosing another clears it), and an option past the k-th is not added. Options keep the ballot's order.
 */
export function toggleChoice(selected: readonly string[], key: string, vote: BallotShape): string[] {
  if (!vote.options.some((o) => o.key === key)) return [...selected];
  if (isSingleChoice(vote)) return [key];
  if (selected.includes(key)) return selected.filter((k) => k !== key);
  if (isAbstain(vote, key)) return [key];
  const others = selected.filter((k) => !isAbstain(vote, k));
  if (others.length >= vote.maxChoices) return [...selected];
  const next = new Set([...others, key]);
  return vote.options.filter((o) => next.has(o.key)).map((o) => o.key);
}

/** Whether tapping `key` would add it: false once k options are chosen (the abstention can always replace them). */
export function canChoose(selected: readonly string[], key: string, vote: BallotShape): boolean {
  if (selected.includes(key) || isSingleChoice(vote) || isAbstain(vote, key)) return true;
  return selected.filter((k) => !isAbstain(vote, k)).length < vote.maxChoices;
}

/** Why this selection cannot be sent, in Vietnamese (the server's own rule, `ballotIssue`), or null. */
export function selectionIssue(selected: readonly string[], vote: BallotShape): string | null {
  return ballotIssue(selected, vote)?.message ?? null;
}

/** The chosen options' labels in the ballot's order: "Đồng ý", or "Phương án A, Phương án C". */
export function choiceLabels(selected: readonly string[], vote: BallotShape): string[] {
  return vote.options.filter((o) => selected.includes(o.key)).map((o) => o.label);
}
