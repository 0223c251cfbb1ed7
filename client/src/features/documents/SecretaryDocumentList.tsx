import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItemDto, DocumentDto } from '@phonghop/shared';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { documentsApi } from './documents.api';
import { DocumentSummary } from './DocumentSummary';
import { NewVersionDialog } from './NewVersionDialog';

export function SecretaryDocumentList({ docs, agendaItems, editable, onChanged }: { docs: DocumentDto[]; agendaItems: AgendaItemDto[]; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [versioning, setVersioning] = useState<DocumentDto | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const itemLabel = (id: string | null) => {
    const item = agendaItems.find((i) => i.id === id);
    return item ? `${item.number}. ${item.title}` : t('documents.otherDocuments');
  };

  const remove = async (doc: DocumentDto) => {
    if (!window.confirm(t('documents.removeConfirm', { summary: doc.summary }))) return;
    setRemoving(doc.id);
    try {
      await documentsApi.remove(doc.id);
      onChanged();
    } catch (err) {
      toast.show({ tone: 'error', message: describeError(err) });
    } finally {
      setRemoving(null);
    }
  };

  if (docs.length === 0) return <p className="muted">{t('documents.empty')}</p>;
  return (
    <>
      <ul className="doc-list" data-testid="document-list">
        {docs.map((doc) => (
          <li key={doc.id} className="doc-row" data-testid="document-row" data-document-id={doc.id} data-version={doc.current.version}>
            <DocumentSummary doc={doc} />
            <p className="small muted">
              {t('documents.attachedTo')}: {itemLabel(doc.agendaItemId)}
              {doc.audience === 'selected' && <span className="badge badge--warn">{t('documents.restricted', { count: doc.grantedUserIds.length })}</span>}
            </p>
            <div className="doc-row__actions">
              <Link className="btn btn--secondary btn--small" to={`/tai-lieu/${doc.id}`}>
                {t('documents.read')}
              </Link>
              {doc.current.originalKind !== 'pdf' && (
                <a className="btn btn--secondary btn--small" href={documentsApi.originalUrl(doc.id, doc.current.version)} download data-testid="download-original">
                  {t('documents.downloadOriginal')}
                </a>
              )}
              {editable && (
                <>
                  <Button variant="secondary" className="btn--small" onClick={() => setVersioning(doc)} data-testid="new-version">
                    {t('documents.newVersion')}
                  </Button>
                  <Button variant="danger" className="btn--small" busy={removing === doc.id} onClick={() => void remove(doc)} data-testid="remove-document">
                    {t('documents.remove')}
                  </Button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <NewVersionDialog doc={versioning} onClose={() => setVersioning(null)} onDone={onChanged} />
    </>
  );
}
