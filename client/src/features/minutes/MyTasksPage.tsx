import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { minutesApi } from './minutes.api';
import { TaskList } from './TaskList';
import { withTask } from './task-format';

/** "Nhiệm vụ của tôi": the tasks led by me or my unit, from every meeting. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const tasks = useResource('my-tasks', (signal) => minutesApi.myTasks(signal));
  return (
    <div className="page minutes-page">
      <div className="page__header">
        <h1 data-testid="page-title">{t('tasks.mine')}</h1>
      </div>
      {tasks.error !== null && <Alert>{describeError(tasks.error)}</Alert>}
      {tasks.loading && !tasks.data && <Spinner size="lg" label={t('app.loading')} />}
      {tasks.data && tasks.data.length === 0 && <EmptyState title={t('tasks.mineEmpty')}>{t('tasks.mineEmptyText')}</EmptyState>}
      {tasks.data && tasks.data.length > 0 && (
        <TaskList tasks={tasks.data} showMeeting onTask={(task) => tasks.set(withTask(tasks.data!, task))} />
      )}
    </div>
  );
}
export default MyTasksPage;
