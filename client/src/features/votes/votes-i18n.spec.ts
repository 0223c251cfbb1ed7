import { describe, expect, it } from '@jest/globals';
import { VOTE_KIND_LABELS_VI, VOTE_OUTCOME_LABELS_VI, VOTE_RULE_LABELS_VI, VOTE_STATUS_LABELS_VI } from '@phonghop/shared';
import { vi } from '../../i18n/vi';

describe('the votes texts', () => {
  it('name kinds, rules, states and outcomes exactly as the shared labels (the minutes and CSV use those)', () => {
    expect(vi.votes.kinds).toEqual(VOTE_KIND_LABELS_VI);
    expect(vi.votes.rules).toEqual(VOTE_RULE_LABELS_VI);
    expect(vi.votes.statuses).toEqual(VOTE_STATUS_LABELS_VI);
    expect(vi.votes.outcomes).toEqual(VOTE_OUTCOME_LABELS_VI);
  });

  it('has the words the browser test reads', () => {
    expect(vi.votes.progress).toBe('Đã biểu quyết {{cast}}/{{eligible}}');
    expect(vi.votes.ballot.confirmQuestion).toBe('Xác nhận biểu quyết: {{choice}}?');
    expect(vi.votes.ballot.voted).toBe('Bạn đã biểu quyết');
    expect(vi.votes.export.shortPdf).toBe('Tải PDF');
  });
});
