import { describe, expect, it } from '@jest/globals';
import { conclusionNoticeDue } from './conclusion-notice.js';
import { taskStatus } from './task-status.js';

describe('conclusionNoticeDue', () => {
  const ended = new Date('2026-12-15T04:00:00Z'); // Tuesday 15/12/2026, 11:00 in Vietnam

  it('is due 5 working days after the meeting day, weekends skipped', () => {
    const due = conclusionNoticeDue(ended, null, new Date('2026-12-16T02:00:00Z'));
    expect(due).toEqual({
      meetingDate: '2026-12-15',
      dueDate: '2026-12-22',
      issued: false,
      overdue: false,
      workingDaysLeft: 4,
    });
  });

  it('skips Tết: a meeting on Friday 13/2/2026 is due Friday 27/2/2026', () => {
    expect(conclusionNoticeDue(new Date('2026-02-13T03:00:00Z'), null, new Date('2026-02-13T03:00:00Z')).dueDate).toBe('2026-02-27');
  });

  it('counts the Vietnamese day: a meeting ending at 23:30 on the 15th (16:30 UTC) is a meeting of the 15th', () => {
    expect(conclusionNoticeDue(new Date('2026-12-15T16:30:00Z'), null, new Date('2026-12-15T16:30:00Z')).meetingDate).toBe('2026-12-15');
  });

  it('is still in time on the due date and overdue from the next day, Vietnam time', () => {
    expect(conclusionNoticeDue(ended, null, new Date('2026-12-22T16:59:59Z')).overdue).toBe(false); // 23:59:59 on the 22nd
    const late = conclusionNoticeDue(ended, null, new Date('2026-12-22T17:00:00Z')); // 00:00 on the 23rd
    expect(late.overdue).toBe(true);
    expect(late.workingDaysLeft).toBe(-1);
  });

  it('is never overdue once issued', () => {
    expect(conclusionNoticeDue(ended, new Date('2026-12-30T02:00:00Z'), new Date('2027-01-30T02:00:00Z'))).toMatchObject({
      issued: true,
      overdue: false,
      workingDaysLeft: null,
    });
  });
});

describe('taskStatus', () => {
  it('is what the unit reported until the deadline has passed', () => {
    expect(taskStatus('not_started', '2026-12-22', new Date('2026-12-22T16:59:59Z'))).toBe('not_started');
    expect(taskStatus('in_progress', '2026-12-22', new Date('2026-12-22T10:00:00Z'))).toBe('in_progress');
  });

  it('is quá hạn from the day after the deadline (Vietnam time) unless done', () => {
    expect(taskStatus('not_started', '2026-12-22', new Date('2026-12-22T17:00:00Z'))).toBe('overdue');
    expect(taskStatus('in_progress', '2026-12-22', new Date('2027-01-05T00:00:00Z'))).toBe('overdue');
    expect(taskStatus('done', '2026-12-22', new Date('2027-01-05T00:00:00Z'))).toBe('done');
  });
});
