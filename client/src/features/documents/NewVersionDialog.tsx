import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/TextArea';
import { ACCEPTED_UPLOADS } from './doc-format';
import { documentsApi } from './documents.api';
import { UploadStatus } from './UploadStatus';
import { useUpload } from './use-upload';

/** "Cập nhật phiên bản": a new file plus the required change note members will see. */
export function NewVersionDialog({ doc, onClose, onDone }: { doc: DocumentDto | null; onClose: () => void; onDone: (d: DocumentDto) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const upload = useUpload();

  const close = () => {
    setFile(null);
    setNote('');
    setFields({});
    upload.reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('documents.fileRequired');
    if (!note.trim()) problems.note = t('documents.changeNoteRequired');
    setFields(problems);
    if (!doc || !file || Object.keys(problems).length > 0) return;
    const updated = await upload.run((p) => documentsApi.newVersion(doc.id, file, note.trim(), p));
    if (updated) {
      onDone(updated);
      close();
    }
  };

  return (
    <Dialog open={doc !== null} onClose={close} title={t('documents.newVersionTitle')} closeLabel={t('users.close')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-version-form">
        {doc && <p className="muted">{doc.summary}</p>}
        <div className={['field', fields.file ? 'field--invalid' : ''].join(' ')}>
          <label className="field__label" htmlFor="version-file">
            {t('documents.file')}
          </label>
          <input id="version-file" className="field__input field__file" type="file" name="versionFile" accept={ACCEPTED_UPLOADS} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {fields.file && <p className="field__error">{fields.file}</p>}
        </div>
        <TextArea label={t('documents.changeNote')} name="changeNote" rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} required />
        <UploadStatus phase={upload.phase} />
        <div className="form__actions">
          <Button variant="secondary" onClick={close}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" busy={upload.busy} data-testid="upload-version">
            {t('documents.uploadVersion')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
