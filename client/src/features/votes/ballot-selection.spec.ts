import { describe, expect, it } from '@jest/globals';
import { ballotIssue, DEFAULT_VOTE_OPTIONS, type VoteOption } from '@phonghop/shared';
import { canChoose, choiceLabels, isSingleChoice, selectionIssue, toggleChoice } from './ballot-selection';

const yesNo = { options: DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o })), maxChoices: 1 };
const plans: VoteOption[] = [
  { key: 'pa-1', label: 'Phương án 1' },
  { key: 'pa-2', label: 'Phương án 2' },
  { key: 'pa-3', label: 'Phương án 3' },
  { key: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
];
const upToTwo = { options: plans, maxChoices: 2 };

describe('a single-choice ballot', () => {
  it('takes one option, and a second tap replaces it', () => {
    expect(isSingleChoice(yesNo)).toBe(true);
    expect(toggleChoice([], 'yes', yesNo)).toEqual(['yes']);
    expect(toggleChoice(['yes'], 'no', yesNo)).toEqual(['no']);
    expect(toggleChoice(['yes'], 'abstain', yesNo)).toEqual(['abstain']);
  });

  it('ignores a key that is not on the ballot', () => {
    expect(toggleChoice(['yes'], 'maybe', yesNo)).toEqual(['yes']);
  });
});

describe('a ballot of up to k options', () => {
  it('adds and removes with each tap, in the ballot’s order', () => {
    expect(isSingleChoice(upToTwo)).toBe(false);
    expect(toggleChoice(['pa-3'], 'pa-1', upToTwo)).toEqual(['pa-1', 'pa-3']);
    expect(toggleChoice(['pa-1', 'pa-3'], 'pa-1', upToTwo)).toEqual(['pa-3']);
  });

  it('does not add a (k+1)-th option, and says so by disabling it', () => {
    expect(toggleChoice(['pa-1', 'pa-2'], 'pa-3', upToTwo)).toEqual(['pa-1', 'pa-2']);
    expect(canChoose(['pa-1', 'pa-2'], 'pa-3', upToTwo)).toBe(false);
    expect(canChoose(['pa-1', 'pa-2'], 'pa-2', upToTwo)).toBe(true);
    expect(canChoose(['pa-1'], 'pa-3', upToTwo)).toBe(true);
  });

  it('keeps "Không biểu quyết" alone: choosing it clears the others, choosing another clears it', () => {
    expect(toggleChoice(['pa-1', 'pa-2'], 'abstain', upToTwo)).toEqual(['abstain']);
    expect(canChoose(['pa-1', 'pa-2'], 'abstain', upToTwo)).toBe(true);
    expect(toggleChoice(['abstain'], 'pa-2', upToTwo)).toEqual(['pa-2']);
  });

  it('never builds a selection the server’s rule refuses', () => {
    const keys = plans.map((o) => o.key);
    // every sequence of three taps over the four options
    for (const a of keys) {
      for (const b of keys) {
        for (const c of keys) {
          const selected = toggleChoice(toggleChoice(toggleChoice([], a, upToTwo), b, upToTwo), c, upToTwo);
          if (selected.length > 0) expect({ taps: [a, b, c], issue: ballotIssue(selected, upToTwo) }).toEqual({ taps: [a, b, c], issue: null });
        }
      }
    }
  });
});

describe('selectionIssue', () => {
  it('says in Vietnamese why a selection cannot be sent, with the shared rule’s words', () => {
    expect(selectionIssue([], yesNo)).toBe('Vui lòng chọn ít nhất một phương án.');
    expect(selectionIssue(['pa-1', 'abstain'], upToTwo)).toBe('Đã chọn "Không biểu quyết" thì không được chọn thêm phương án khác.');
    expect(selectionIssue(['pa-1', 'pa-2', 'pa-3'], upToTwo)).toBe('Chỉ được chọn tối đa 2 phương án.');
    expect(selectionIssue(['yes'], yesNo)).toBeNull();
  });
});

describe('choiceLabels', () => {
  it('names the chosen options in the ballot’s order', () => {
    expect(choiceLabels(['yes'], yesNo)).toEqual(['Đồng ý']);
    expect(choiceLabels(['pa-3', 'pa-1'], upToTwo)).toEqual(['Phương án 1', 'Phương án 3']);
  });
});
