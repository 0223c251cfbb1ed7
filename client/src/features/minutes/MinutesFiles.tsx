import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesDto, SignatureStatusDto } from '@phonghop/shared';
import { formatVnShort } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../documents/ProgressBar';
import { downloadFile } from './download';
import { minutesApi, type MinutesFileKind } from './minutes.api';

const FALLBACK_NAMES: Record<MinutesFileKind, string> = { pdf: 'bien-ban.pdf', docx: 'bien-ban.docx', 'signed.pdf': 'bien-ban-da-ky.pdf' };

/** PDF and DOCX of the current text, the signed PDF once approved, and whether its signature verifies. */
export function MinutesFiles({ minutes: m }: { minutes: MinutesDto }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [loading, setLoading] = useState<{ kind: MinutesFileKind; fraction: number | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const signedKey = m.signed ? `sig:${m.meetingId}:${m.signed.number}:${m.signed.supersededAt ?? ''}` : null;
  const signature = useResource<SignatureStatusDto>(signedKey, (signal) => minutesApi.signature(m.meetingId, signal));

  const download = async (kind: MinutesFileKind) => {
    setError(null);
    setLoading({ kind, fraction: 0 });
    try {
      await downloadFile(minutesApi.fileUrl(m.meetingId, kind), FALLBACK_NAMES[kind], (fraction) => setLoading({ kind, fraction }));
      if (kind === 'signed.pdf') signature.reload();
    } catch (e) {
      setError(e);
    } finally {
      setLoading(null);
    }
  };

  const button = (kind: MinutesFileKind, label: string, testId: string) => (
    <Button variant="secondary" busy={loading?.kind === kind} disabled={loading !== null} onClick={() => void download(kind)} data-testid={testId}>
      {label}
    </Button>
  );

  return (
    <section className="card minutes-files" aria-labelledby="minutes-files">
      <h2 id="minutes-files">{t('minutes.files.title')}</h2>
      {m.signed && <SignedStatus minutes={m} status={signature.data} loading={signature.loading} />}
      <div className="minutes-actions__row">
        {m.signed && button('signed.pdf', t('minutes.files.signedPdf'), 'download-signed')}
        {button('pdf', m.status === 'approved' ? t('minutes.files.pdf') : t('minutes.files.draftPdf'), 'download-pdf')}
        {button('docx', t('minutes.files.docx'), 'download-docx')}
      </div>
      {loading && (
        <div className="minutes-files__progress" role="status">
          <ProgressBar value={(loading.fraction ?? 0) * 100} label={t('minutes.files.downloading')} testId="download-progress" />
          <span>{loading.fraction === null ? t('minutes.files.downloading') : t('minutes.files.progress', { percent: Math.round(loading.fraction * 100) })}</span>
        </div>
      )}
      {error !== null && <Alert>{describeError(error)}</Alert>}
    </section>
  );
}

function SignedStatus({ minutes: m, status, loading }: { minutes: MinutesDto; status: SignatureStatusDto | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const signed = m.signed!;
  const verdict = status === undefined ? 'checking' : status.valid ? 'valid' : 'invalid';
  return (
    <div className={`minutes-signed minutes-signed--${verdict}`} data-testid="signature-status" data-valid={verdict}>
      <p className="minutes-signed__verdict" role="status">
        {verdict === 'checking' || loading ? t('minutes.signature.checking') : verdict === 'valid' ? t('minutes.signature.valid') : t('minutes.signature.invalid')}
      </p>
      <p>
        {t('minutes.signature.signedBy', { name: signed.signer.fullName, position: signed.signer.position, time: formatVnShort(new Date(signed.signedAt)) })}
      </p>
      {signed.demoCertificate && <p className="muted">{t('minutes.signature.demo')}</p>}
      {signed.supersededAt && <p className="muted">{t('minutes.signature.superseded')}</p>}
      {status?.problem && <p className="muted">{status.problem}</p>}
      <p className="muted minutes-signed__hash">SHA-256: {signed.sha256}</p>
    </div>
  );
}
