import { vnDateOf, type IsoDate } from '../calendar/dates.js';

/** What a lead unit reports (chưa thực hiện, đang thực hiện, hoàn thành); quá hạn is never stored, it is derived. */
export const TASK_PROGRESS = ['not_started', 'in_progress', 'done'] as const;
export type TaskProgress = (typeof TASK_PROGRESS)[number];

export const TASK_STATUSES = [...TASK_PROGRESS, 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS_VI: Readonly<Record<TaskStatus, string>> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
};

/**
 * A task's status at `now`: quá hạn once the deadline (a Vietnam calendar date, the whole day counts) has passed and
 * the task is not done; otherwise what the unit reported. A task done late stays hoàn thành.
 */
export function taskStatus(progress: TaskProgress, deadline: IsoDate, now: Date): TaskStatus {
  if (progress === 'done') return 'done';
  return vnDateOf(now) > deadline ? 'overdue' : progress;
}
