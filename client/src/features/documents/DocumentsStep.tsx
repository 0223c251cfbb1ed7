import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useSocketEvent } from '../../realtime/realtime-context';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import { agendaApi } from '../agenda/agenda.api';
import type { StepProps } from '../meetings/prep/PrepPage';
import { documentsApi } from './documents.api';
import { PaperRegister } from './PaperRegister';
import { SecretaryDocumentList } from './SecretaryDocumentList';
import { UploadForm } from './UploadForm';

/** Tài liệu: upload with metadata, the meeting's documents with versions, and the paper register for classified copies. */
export function DocumentsStep({ meeting }: StepProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const docs = useResource(`docs:${meeting.id}`, (signal) => documentsApi.list(meeting.id, signal));
  const agenda = useResource(`agenda:${meeting.id}`, (signal) => agendaApi.get(meeting.id, signal));
  const items = agenda.data?.items ?? [];
  useSocketEvent('document:added', docs.reload);
  useSocketEvent('document:updated', docs.reload);
  useSocketEvent('document:removed', docs.reload);

  return (
    <>
      <section className="card stack" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('prep.steps.documents')}</h2>
        {meeting.can.edit && <UploadForm meeting={meeting} agendaItems={items} onUploaded={docs.reload} />}
        <h3>{t('documents.listTitle')}</h3>
        {docs.error !== null && <Alert>{describeError(docs.error)}</Alert>}
        {docs.loading && !docs.data && <Spinner label={t('app.loading')} />}
        {docs.data && <SecretaryDocumentList docs={docs.data} agendaItems={items} editable={meeting.can.edit} onChanged={docs.reload} />}
      </section>
      <PaperRegister meeting={meeting} />
    </>
  );
}
