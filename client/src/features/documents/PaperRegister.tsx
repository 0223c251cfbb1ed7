import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto, PaperRegisterEntryDto } from '@phonghop/shared';
import { formatVnShort } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { docNumber } from './doc-format';
import { documentsApi } from './documents.api';

type Level = 'mat' | 'toi_mat' | 'tuyet_mat';

/** Sổ theo dõi tài liệu mật bản giấy: classified papers never go online; each copy is handed out and returned. */
export function PaperRegister({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const register = useResource(`paper:${meeting.id}`, (signal) => documentsApi.paperList(meeting.id, signal));
  const [form, setForm] = useState({ title: '', classification: 'mat' as Level, number: '', symbol: '', copies: '1' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<Record<string, string>>({});

  const act = async (key: string, action: () => Promise<PaperRegisterEntryDto[]>) => {
    setError(null);
    setBusy(key);
    try {
      register.set(await action());
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, title: form.title.trim(), copies: Number.parseInt(form.copies, 10) || 1 };
    if (await act('add', () => documentsApi.paperCreate(meeting.id, body))) setForm((f) => ({ ...f, title: '', number: '', symbol: '', copies: '1' }));
  };

  const people = meeting.participants.map((p) => p.substitute ?? p.user);

  return (
    <section className="card stack" id="so-theo-doi" aria-labelledby="paper-title" data-testid="paper-register">
      <h2 id="paper-title">{t('paper.title')}</h2>
      <p className="muted">{t('paper.intro')}</p>
      {error !== null && <Alert>{describeError(error)}</Alert>}
      {register.error !== null && <Alert>{describeError(register.error)}</Alert>}
      <form className="paper-form" onSubmit={(e) => void add(e)}>
        <TextField className="paper-form__title" label={t('paper.docTitle')} name="paperTitle" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
        <SelectField label={t('documents.classification')} name="paperClassification" value={form.classification} onChange={(e) => setForm({ ...form, classification: e.target.value as Level })}>
          {(['mat', 'toi_mat', 'tuyet_mat'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`documents.classifications.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('documents.number')} name="paperNumber" value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} />
        <TextField label={t('documents.symbol')} name="paperSymbol" value={form.symbol} onChange={(e) => setForm({ ...form, symbol: e.target.value })} />
        <TextField label={t('paper.copies')} name="paperCopies" type="number" min={1} max={500} value={form.copies} onChange={(e) => setForm({ ...form, copies: e.target.value })} />
        <Button type="submit" busy={busy === 'add'} disabled={!form.title.trim()} data-testid="add-paper-entry">
          {t('paper.add')}
        </Button>
      </form>
      {register.data && register.data.length === 0 && <p className="muted">{t('paper.empty')}</p>}
      {register.data?.map((entry) => (
        <article key={entry.id} className="paper-entry" data-testid="paper-entry">
          <h3>
            <span className="badge badge--classified">{t(`documents.classifications.${entry.classification}`)}</span> {entry.title}
            {docNumber(entry) && <span className="muted small"> — {t('documents.numberLine', { number: docNumber(entry) })}</span>}
          </h3>
          <ul className="paper-copies">
            {entry.copies.map((c) => {
              const key = `${entry.id}:${c.copyNo}`;
              const out = c.recipient && !c.returnedAt;
              return (
                <li key={c.copyNo} className="paper-copy" data-testid="paper-copy" data-copy-no={c.copyNo}>
                  <strong>{t('paper.copyNo', { n: c.copyNo })}</strong>
                  {c.recipient ? (
                    <span>
                      {t('paper.handedTo', { name: c.recipient.fullName })}
                      {c.handedOutAt && <span className="muted small"> ({formatVnShort(new Date(c.handedOutAt))})</span>}
                      {c.returnedAt && <span className="badge badge--on">{t('paper.returnedAt', { at: formatVnShort(new Date(c.returnedAt)) })}</span>}
                    </span>
                  ) : (
                    <span className="muted">{t('paper.inStore')}</span>
                  )}
                  <span className="spacer" />
                  {out ? (
                    <Button variant="secondary" className="btn--small" busy={busy === key} onClick={() => void act(key, () => documentsApi.paperReturn(entry.id, c.copyNo))}>
                      {t('paper.markReturned')}
                    </Button>
                  ) : (
                    <span className="paper-copy__handout">
                      <select
                        className="field__input field__input--compact"
                        aria-label={t('paper.recipientFor', { n: c.copyNo })}
                        value={recipients[key] ?? ''}
                        onChange={(e) => setRecipients({ ...recipients, [key]: e.target.value })}
                      >
                        <option value="">{t('paper.chooseRecipient')}</option>
                        {people.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.fullName}
                          </option>
                        ))}
                      </select>
                      <Button
                        variant="secondary"
                        className="btn--small"
                        busy={busy === key}
                        disabled={!recipients[key]}
                        onClick={() => void act(key, () => documentsApi.paperHandout(entry.id, c.copyNo, recipients[key]))}
                      >
                        {t('paper.handOut')}
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </article>
      ))}
    </section>
  );
}
