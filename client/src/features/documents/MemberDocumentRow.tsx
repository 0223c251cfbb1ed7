import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDto } from '@phonghop/shared';
import { DocumentSummary } from './DocumentSummary';
import { documentsApi } from './documents.api';

/** A document in the member's agenda: tapping it opens the reader; "Đã cập nhật" with the change note when newer than last read. */
export function MemberDocumentRow({ doc }: { doc: DocumentDto }) {
  const { t } = useTranslation();
  return (
    <li className="member-doc" data-testid="document-row" data-document-id={doc.id}>
      <Link to={`/tai-lieu/${doc.id}`} className="member-doc__open" data-testid="open-document">
        <span className="member-doc__icon" aria-hidden="true">
          PDF
        </span>
        <DocumentSummary doc={doc} />
      </Link>
      {doc.updatedForMe && (
        <p className="member-doc__updated" data-testid="doc-updated">
          <span className="badge badge--updated">{t('documents.updated')}</span>
          {doc.current.changeNote && <span className="small"> {doc.current.changeNote}</span>}
        </p>
      )}
      {doc.current.originalKind !== 'pdf' && (
        <a className="small member-doc__original" href={documentsApi.originalUrl(doc.id, doc.current.version)} download>
          {t('documents.downloadOriginal')}
        </a>
      )}
    </li>
  );
}
