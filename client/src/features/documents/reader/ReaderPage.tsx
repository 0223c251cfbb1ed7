import './reader.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useSocketEvent } from '../../../realtime/realtime-context';
import { Alert } from '../../../ui/Alert';
import { Spinner } from '../../../ui/Spinner';
import { useCurrentUser } from '../../auth/session-context';
import { documentsApi } from '../documents.api';
import { Reader } from './Reader';
import { browserPositions, positionKey, requestedPage } from './reading-position';

/**
 * /tai-lieu/:id — the whole screen is the document (no app chrome): members spend most of a meeting here. The
 * document's metadata first (its current version is the file's cache key), then the reader for that version.
 */
export default function ReaderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const describeError = useErrorMessage();
  const doc = useResource(`doc:${id}`, (signal) => documentsApi.get(id, signal));
  const [attempt, setAttempt] = useState(0);
  // a new version replaces the reader (keyed by version); its annotations, carried over by the server, load with it
  useSocketEvent('document:updated', (e) => e.documentId === id && doc.reload());
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const linkedPage = requestedPage(params.get('page'));
  const loaded = doc.data !== undefined && doc.data.id === id;

  // A link to a page (a search hit, /tai-lieu/:id?page=N) opens there: the page becomes the reading position the
  // reader resumes from, then leaves the URL, so a reload resumes where the member has read to since.
  if (loaded && linkedPage !== null && doc.data) browserPositions().set(positionKey(user.id, id, doc.data.current.version), linkedPage);
  useEffect(() => {
    if (!loaded || linkedPage === null) return;
    setParams(
      (p) => {
        p.delete('page');
        return p;
      },
      { replace: true },
    );
  }, [loaded, linkedPage, setParams]);

  if (doc.data && doc.data.id === id) {
    return <Reader key={`${id}:${doc.data.current.version}:${attempt}`} doc={doc.data} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return (
    <main className="reader reader--message" id="main">
      {doc.error !== null ? (
        <div className="reader__message">
          <Alert>{describeError(doc.error)}</Alert>
          <Link to="/" className="btn btn--secondary">
            {t('reader.home')}
          </Link>
        </div>
      ) : (
        <div className="reader__message">
          <Spinner size="lg" label={t('reader.loading')} />
        </div>
      )}
    </main>
  );
}
