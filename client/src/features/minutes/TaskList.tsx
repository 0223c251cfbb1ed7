import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_PROGRESS, type TaskDto, type TaskProgress, taskUpdateRequestSchema } from '@phonghop/shared';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { minutesApi } from './minutes.api';
import { isoDateText, sortTasks } from './task-format';

/** Tasks with their status (quá hạn derived by the server) and an update form for each. */
export function TaskList({ tasks, showMeeting, onTask }: { tasks: readonly TaskDto[]; showMeeting: boolean; onTask: (task: TaskDto) => void }) {
  return (
    <ul className="task-list" data-testid="task-list">
      {sortTasks(tasks).map((task) => (
        <TaskRow key={task.id} task={task} showMeeting={showMeeting} onTask={onTask} />
      ))}
    </ul>
  );
}

function TaskRow({ task, showMeeting, onTask }: { task: TaskDto; showMeeting: boolean; onTask: (task: TaskDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [progress, setProgress] = useState<TaskProgress>(task.progress);
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const last = task.updates.at(-1);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = taskUpdateRequestSchema.safeParse({ progress: progress === task.progress ? undefined : progress, note });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? '');
    setBusy(true);
    setError(null);
    try {
      onTask(await minutesApi.updateTask(task.id, parsed.data));
      setNote('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`task task--${task.status}`} data-testid="task" data-status={task.status}>
      <div className="task__head">
        <p className="task__content">{task.content}</p>
        <span className={`badge task-status task-status--${task.status}`} data-testid="task-status">
          {t(`tasks.statuses.${task.status}`)}
        </span>
      </div>
      <p className="muted">
        {showMeeting && `${task.meetingTitle} · `}
        {task.itemTitle}
      </p>
      <dl className="task__facts">
        <div>
          <dt>{t('tasks.leadUnit')}</dt>
          <dd data-testid="task-unit">{task.leadUnit}</dd>
        </div>
        {task.leadUser && (
          <div>
            <dt>{t('tasks.leadUser')}</dt>
            <dd>{task.leadUser.fullName}</dd>
          </div>
        )}
        <div>
          <dt>{t('tasks.deadline')}</dt>
          <dd>{isoDateText(task.deadline)}</dd>
        </div>
      </dl>
      {last?.note && <p className="muted">{t('tasks.lastUpdate', { note: last.note })}</p>}
      <form className="task__update" onSubmit={(e) => void send(e)} noValidate>
        <SelectField label={t('tasks.progress')} value={progress} onChange={(e) => setProgress(e.target.value as TaskProgress)} data-testid="task-progress">
          {TASK_PROGRESS.map((p) => (
            <option key={p} value={p}>
              {t(`tasks.statuses.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('tasks.note')}
          value={note}
          error={fieldError || undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setFieldError('');
          }}
        />
        <Button type="submit" variant="secondary" busy={busy} data-testid="task-update">
          {t('tasks.update')}
        </Button>
      </form>
      {error !== null && <Alert>{describeError(error)}</Alert>}
    </li>
  );
}
