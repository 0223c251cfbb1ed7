import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '@phonghop/shared';
import { docNumber, formatBytes } from './doc-format';

/** Type label, "Số: 12/TTr-UBND", trích yếu, pages, size, version: the lines every document list shares. */
export function DocumentSummary({ doc }: { doc: DocumentDto }) {
  const { t, i18n } = useTranslation();
  const number = docNumber(doc);
  return (
    <div className="doc-summary">
      <p className="doc-summary__head">
        <span className="doc-type">{t(`documents.types.${doc.docType}`)}</span>
        {number && <span className="doc-number"> {t('documents.numberLine', { number })}</span>}
      </p>
      <p className="doc-summary__title">{doc.summary}</p>
      <p className="muted small doc-summary__meta">
        <span>{t('documents.pages', { count: doc.current.pageCount })}</span>
        <span>{formatBytes(doc.current.sizeBytes, i18n.resolvedLanguage ?? 'vi')}</span>
        <span>{t('documents.version', { version: doc.current.version })}</span>
      </p>
    </div>
  );
}
