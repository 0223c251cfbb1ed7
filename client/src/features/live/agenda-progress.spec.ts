import { describe, expect, it } from '@jest/globals';
import { nextAgendaItem } from './agenda-progress';

const items = [{ id: 'a' }, { id: 'b' }, { id: 'b1' }, { id: 'c' }];

describe('nextAgendaItem', () => {
  it('is the first item before any is opened', () => {
    expect(nextAgendaItem(items, null)).toEqual({ id: 'a' });
  });

  it('follows agenda order, sub-items included', () => {
    expect(nextAgendaItem(items, 'b')).toEqual({ id: 'b1' });
    expect(nextAgendaItem(items, 'b1')).toEqual({ id: 'c' });
  });

  it('is null after the last item and for an empty agenda', () => {
    expect(nextAgendaItem(items, 'c')).toBeNull();
    expect(nextAgendaItem([], null)).toBeNull();
  });
});
