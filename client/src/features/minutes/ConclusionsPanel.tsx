import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesDto, TaskDto } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { minutesApi } from './minutes.api';
import { NewTaskDialog } from './NewTaskDialog';
import { isoDateText, withTask } from './task-format';
import { TaskList } from './TaskList';

/**
 * The conclusion notice (thông báo kết luận, due 5 working days after the meeting) and the tasks given from its
 * conclusions. `version` reloads it when the conclusions' text may have changed.
 */
export function ConclusionsPanel({ minutes: m, canManage, canIssue }: { minutes: MinutesDto; canManage: boolean; canIssue: boolean }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const notice = useResource(`cn:${m.meetingId}:${m.version}`, (signal) => minutesApi.notice(m.meetingId, signal));
  const tasks = useResource(`tk:${m.meetingId}`, (signal) => minutesApi.tasks(m.meetingId, signal));
  const [forItem, setForItem] = useState<{ itemId: string; title: string } | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const issue = async () => {
    setIssuing(true);
    setError(null);
    try {
      notice.set(await minutesApi.issueNotice(m.meetingId));
    } catch (e) {
      setError(e);
    } finally {
      setIssuing(false);
    }
  };
  const replaceTask = (task: TaskDto) => tasks.set(withTask(tasks.data ?? [], task));
  const n = notice.data;

  return (
    <section className="card minutes-conclusions" aria-labelledby="minutes-conclusions" data-testid="conclusion-notice">
      <h2 id="minutes-conclusions">{t('minutes.notice.title')}</h2>
      {(notice.error ?? tasks.error ?? error) !== null && <Alert>{describeError(notice.error ?? tasks.error ?? error)}</Alert>}
      {!n && notice.loading && <Spinner label={t('app.loading')} />}
      {n && (
        <>
          <p data-testid="notice-due" data-overdue={n.overdue} className={n.overdue ? 'minutes-overdue' : undefined}>
            {n.issued
              ? t('minutes.notice.issued')
              : n.overdue
                ? t('minutes.notice.overdue', { date: isoDateText(n.dueDate) })
                : t('minutes.notice.due', { date: isoDateText(n.dueDate), count: n.workingDaysLeft ?? 0 })}
          </p>
          {n.conclusions.length === 0 ? (
            <p className="muted">{t('minutes.notice.none')}</p>
          ) : (
            <ol className="minutes-conclusions__list">
              {n.conclusions.map((c) => (
                <li key={c.itemId} data-testid="notice-conclusion">
                  <p>
                    <strong>
                      {c.number}. {c.title}
                    </strong>
                  </p>
                  <p className="prewrap">{c.conclusion}</p>
                  {canManage && (
                    <Button variant="secondary" onClick={() => setForItem({ itemId: c.itemId, title: c.title })} data-testid="new-task">
                      {t('tasks.assign')}
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          )}
          {canIssue && !n.issued && (
            <Button variant="secondary" busy={issuing} onClick={() => void issue()} data-testid="issue-notice">
              {t('minutes.notice.markIssued')}
            </Button>
          )}
        </>
      )}
      <h3>{t('tasks.title')}</h3>
      {tasks.data && tasks.data.length === 0 && <p className="muted">{t('tasks.none')}</p>}
      {tasks.data && tasks.data.length > 0 && <TaskList tasks={tasks.data} showMeeting={false} onTask={replaceTask} />}
      <NewTaskDialog
        minutes={m}
        item={forItem}
        onClose={() => setForItem(null)}
        onCreated={(task) => {
          tasks.set([...(tasks.data ?? []), task]);
          setForItem(null);
        }}
      />
    </section>
  );
}
