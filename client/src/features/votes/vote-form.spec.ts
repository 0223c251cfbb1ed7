import { describe, expect, it } from '@jest/globals';
import { createVoteRequestSchema, DEFAULT_VOTE_OPTIONS, type VoteDto } from '@phonghop/shared';
import { emptyVoteForm, formFromDto, formToRequest, validateVoteForm, type VoteFormState } from './vote-form';

const form = (overrides: Partial<VoteFormState> = {}): VoteFormState => ({ ...emptyVoteForm('item-2'), question: 'Thông qua Kế hoạch năm 2027', ...overrides });

describe('the vote form', () => {
  it('starts as an open yes/no vote on the item under way, more than half of all members, quorum required', () => {
    const request = formToRequest(form());
    expect(request).toEqual({
      question: 'Thông qua Kế hoạch năm 2027',
      agendaItemId: 'item-2',
      kind: 'open',
      rule: 'majority_of_all',
      options: DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o })),
      maxChoices: 1,
      quorumRequired: true,
      allowChange: false,
      showLiveChoices: false,
    });
    expect(createVoteRequestSchema.safeParse(request).success).toBe(true);
  });

  it('leaves the item to the server when none is chosen, and sends a countdown only when set', () => {
    const request = formToRequest(form({ agendaItemId: '', durationSec: 120 }));
    expect(request).not.toHaveProperty('agendaItemId');
    expect(request.durationSec).toBe(120);
  });

  it('never asks for a changeable or live-counted secret ballot, even if the boxes were ticked before switching', () => {
    const request = formToRequest(form({ kind: 'secret', allowChange: true, showLiveChoices: true }));
    expect(request).toMatchObject({ kind: 'secret', allowChange: false, showLiveChoices: false });
    expect(validateVoteForm(form({ kind: 'secret', allowChange: true })).ok).toBe(true);
  });

  it('builds a custom list with plain keys, the abstention last, and up to k choices', () => {
    const request = formToRequest(form({ optionsMode: 'custom', customOptions: ['Phương án A', 'Phương án B', 'Phương án C'], maxChoices: 2 }));
    expect(request.options).toEqual([
      { key: 'pa-1', label: 'Phương án A' },
      { key: 'pa-2', label: 'Phương án B' },
      { key: 'pa-3', label: 'Phương án C' },
      { key: 'abstain', label: 'Không biểu quyết', role: 'abstain' },
    ]);
    expect(request.maxChoices).toBe(2);
    expect(validateVoteForm(form({ optionsMode: 'custom', customOptions: ['A', 'B', 'C'], maxChoices: 2 })).ok).toBe(true);
  });

  it('reports the shared schema’s messages on the fields they belong to', () => {
    const empty = validateVoteForm(form({ question: '  ' }));
    expect(empty).toEqual({ ok: false, errors: { question: 'Vui lòng nhập nội dung biểu quyết.' } });

    const blankRow = validateVoteForm(form({ optionsMode: 'custom', customOptions: ['Phương án A', ''] }));
    expect(blankRow).toEqual({ ok: false, errors: { 'customOption:1': 'Vui lòng nhập nội dung phương án.' } });

    const tooMany = validateVoteForm(form({ optionsMode: 'custom', customOptions: ['A', 'B'], maxChoices: 3 }));
    expect(tooMany).toEqual({ ok: false, errors: { maxChoices: 'Số phương án được chọn phải từ 1 đến 2.' } });

    const oneOption = validateVoteForm(form({ optionsMode: 'custom', customOptions: ['A'], withAbstain: false }));
    expect(oneOption).toEqual({ ok: false, errors: { options: 'Cần ít nhất 2 phương án.' } });
  });

  it('gives a draft back to the form as it was prepared', () => {
    const base: Omit<VoteDto, 'options' | 'maxChoices'> = {
      id: 'v1',
      meetingId: 'm1',
      agendaItemId: 'item-3',
      question: 'Chọn phương án bố trí phòng họp',
      kind: 'named',
      rule: 'majority_of_present',
      quorumRequired: false,
      allowChange: true,
      durationSec: 300,
      showLiveChoices: false,
      status: 'draft',
      openedAt: null,
      closesAt: null,
      closedAt: null,
      eligibleCount: null,
      castCount: 0,
      result: null,
      cancelReason: null,
    };
    const custom = formFromDto({ ...base, options: formToRequest(form({ optionsMode: 'custom', customOptions: ['A', 'B', 'C'], withAbstain: false })).options!, maxChoices: 2 });
    expect(custom).toMatchObject({ optionsMode: 'custom', customOptions: ['A', 'B', 'C'], withAbstain: false, maxChoices: 2, agendaItemId: 'item-3', durationSec: 300 });
    const yesNo = formFromDto({ ...base, options: DEFAULT_VOTE_OPTIONS.map((o) => ({ ...o })), maxChoices: 1 });
    expect(yesNo).toMatchObject({ optionsMode: 'default', kind: 'named', rule: 'majority_of_present', quorumRequired: false, allowChange: true });
    // and back: the same request as the draft's
    expect(formToRequest(yesNo)).toMatchObject({ question: base.question, kind: 'named', allowChange: true, durationSec: 300, agendaItemId: 'item-3' });
  });
});
