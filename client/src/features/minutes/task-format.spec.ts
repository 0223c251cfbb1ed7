import { describe, expect, it } from '@jest/globals';
import { isoDateText, sortTasks, withTask } from './task-format';

describe('task format', () => {
  it('writes a calendar date the Vietnamese way', () => {
    expect(isoDateText('2026-12-22')).toBe('22/12/2026');
    expect(isoDateText('sai')).toBe('sai');
  });

  it('lists overdue tasks first, then by deadline, finished ones last', () => {
    const t = (id: string, status: string, deadline: string) => ({ id, status, deadline, createdAt: '2026-12-15T02:00:00Z' });
    const sorted = sortTasks([t('a', 'done', '2026-12-01'), t('b', 'in_progress', '2026-12-30'), t('c', 'overdue', '2026-12-10'), t('d', 'not_started', '2026-12-20')]);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('puts an updated task in place of its earlier copy, leaving the list it came from as it was', () => {
    const list = [
      { id: 'a', status: 'todo' },
      { id: 'b', status: 'todo' },
    ];
    expect(withTask(list, { id: 'b', status: 'done' })).toEqual([
      { id: 'a', status: 'todo' },
      { id: 'b', status: 'done' },
    ]);
    expect(list[1].status).toBe('todo');
  });
});
