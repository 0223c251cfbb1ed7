import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, DOCUMENT_TYPES, type AgendaItemDto, type Classification, type DocumentDto, type DocumentType, type MeetingDto } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { ACCEPTED_UPLOADS } from './doc-format';
import { documentsApi } from './documents.api';
import { UploadStatus } from './UploadStatus';
import { useUpload } from './use-upload';

const EMPTY = { docType: 'to_trinh' as DocumentType, number: '', symbol: '', issuedOn: '', issuer: '', summary: '', classification: 'none' as Classification, agendaItemId: '' };

/** Upload with metadata (NĐ 30/2020 fields), audience, and a progress bar; classified papers are refused up front. */
export function UploadForm({ meeting, agendaItems, onUploaded }: { meeting: MeetingDto; agendaItems: AgendaItemDto[]; onUploaded: (d: DocumentDto) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [audience, setAudience] = useState<'participants' | 'selected'>('participants');
  const [granted, setGranted] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useUpload();
  const classified = form.classification !== 'none';
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('documents.fileRequired');
    if (!form.summary.trim()) problems.summary = t('documents.summaryRequired');
    if (audience === 'selected' && granted.length === 0) problems.audience = t('documents.audienceRequired');
    setFields(problems);
    if (Object.keys(problems).length > 0 || !file || classified) return;
    const meta = {
      ...form,
      issuedOn: form.issuedOn || null,
      agendaItemId: form.agendaItemId || null,
      audience,
      grantedUserIds: audience === 'selected' ? granted : [],
    };
    const doc = await upload.run((onProgress) => documentsApi.upload(meeting.id, file, meta, onProgress));
    if (doc) {
      onUploaded(doc);
      setForm((f) => ({ ...EMPTY, docType: f.docType, agendaItemId: f.agendaItemId }));
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const toggle = (id: string) => setGranted((g) => (g.includes(id) ? g.filter((x) => x !== id) : [...g, id]));

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="upload-form">
      <h3>{t('documents.uploadTitle')}</h3>
      <fieldset className="form__grid plain-fieldset" disabled={upload.busy}>
        <div className={['field span-2', fields.file ? 'field--invalid' : ''].join(' ')}>
          <label className="field__label" htmlFor="upload-file">
            {t('documents.file')}
          </label>
          <input
            ref={fileRef}
            id="upload-file"
            className="field__input field__file"
            type="file"
            name="file"
            accept={ACCEPTED_UPLOADS}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="field__hint">{t('documents.fileHint')}</p>
          {fields.file && <p className="field__error">{fields.file}</p>}
        </div>
        <SelectField label={t('documents.docType')} name="docType" value={form.docType} onChange={set('docType')}>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`documents.types.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('documents.classification')} name="classification" value={form.classification} onChange={set('classification')}>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {t(`documents.classifications.${c}`)}
            </option>
          ))}
        </SelectField>
        {classified && (
          <div className="span-2" data-testid="classified-block">
            <Alert tone="warning">
              {t('errors.CLASSIFIED_UPLOAD_FORBIDDEN')} <a href="#so-theo-doi">{t('documents.toPaperRegister')}</a>
            </Alert>
          </div>
        )}
        <TextField label={t('documents.number')} name="number" value={form.number} onChange={set('number')} placeholder="12" />
        <TextField label={t('documents.symbol')} name="symbol" value={form.symbol} onChange={set('symbol')} placeholder="TTr-UBND" />
        <TextField label={t('documents.issuedOn')} name="issuedOn" type="date" value={form.issuedOn} onChange={set('issuedOn')} />
        <TextField label={t('documents.issuer')} name="issuer" value={form.issuer} onChange={set('issuer')} />
        <TextField className="span-2" label={t('documents.summary')} name="summary" value={form.summary} onChange={set('summary')} error={fields.summary} required />
        <SelectField label={t('documents.agendaItem')} name="agendaItemId" value={form.agendaItemId} onChange={set('agendaItemId')}>
          <option value="">{t('documents.noAgendaItem')}</option>
          {agendaItems.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number}. {i.title}
            </option>
          ))}
        </SelectField>
        <fieldset className="field radio-group">
          <legend className="field__label">{t('documents.audience')}</legend>
          <label className="check">
            <input type="radio" name="audience" value="participants" checked={audience === 'participants'} onChange={() => setAudience('participants')} />
            <span>{t('documents.audienceAll')}</span>
          </label>
          <label className="check">
            <input type="radio" name="audience" value="selected" checked={audience === 'selected'} onChange={() => setAudience('selected')} />
            <span>{t('documents.audienceSelected')}</span>
          </label>
        </fieldset>
        {audience === 'selected' && (
          <fieldset className="field span-2 grant-list" data-testid="grant-list">
            <legend className="field__label">{t('documents.grantTo')}</legend>
            {meeting.participants.map((p) => (
              <label key={p.user.id} className="check">
                <input type="checkbox" name="grantedUserIds" value={p.user.id} checked={granted.includes(p.user.id)} onChange={() => toggle(p.user.id)} />
                <span>
                  {p.user.fullName} <span className="muted small">({t(`meetingRoles.${p.role}`)})</span>
                </span>
              </label>
            ))}
            {fields.audience && <p className="field__error">{fields.audience}</p>}
          </fieldset>
        )}
        {audience === 'participants' && <p className="field__hint span-2">{t('documents.guestsHint')}</p>}
      </fieldset>
      <UploadStatus phase={upload.phase} />
      <div className="form__actions">
        <Button type="submit" busy={upload.busy} disabled={classified} data-testid="upload-document">
          {t('documents.upload')}
        </Button>
      </div>
    </form>
  );
}
