import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MeetingDto } from '@phonghop/shared';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useSocketEvent } from '../../../realtime/realtime-context';
import { Alert } from '../../../ui/Alert';
import { Spinner } from '../../../ui/Spinner';
import { AgendaStep } from '../../agenda/AgendaStep';
import { DocumentsStep } from '../../documents/DocumentsStep';
import { meetingsApi } from '../meetings.api';
import { StatusBadge } from '../StatusBadge';
import { InfoStep } from './InfoStep';
import { LiveSettingsForm } from './LiveSettingsForm';
import { ParticipantsStep } from './ParticipantsStep';
import { PublishStep } from './PublishStep';

export const PREP_STEPS = [
  { key: 'info', slug: 'thong-tin' },
  { key: 'participants', slug: 'thanh-phan' },
  { key: 'agenda', slug: 'chuong-trinh' },
  { key: 'documents', slug: 'tai-lieu' },
  { key: 'publish', slug: 'phat-hanh' },
] as const;
export type PrepStepKey = (typeof PREP_STEPS)[number]['key'];

export interface StepProps {
  meeting: MeetingDto;
  onMeeting: (m: MeetingDto) => void;
  reload: () => void;
}

/** The secretary's task-ordered preparation: Thông tin → Thành phần → Chương trình → Tài liệu → Phát hành. */
export function PrepPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const meeting = useResource(id ?? null, (signal) => meetingsApi.get(id!, signal));
  const current = PREP_STEPS.find((s) => s.slug === params.get('buoc'))?.key ?? 'info';
  const go = (slug: string) => setParams({ buoc: slug });
  useSocketEvent('meeting:updated', (e) => {
    if (e.meetingId === id) meeting.reload();
  });

  const m = meeting.data;
  const stepProps = m ? { meeting: m, onMeeting: meeting.set, reload: meeting.reload } : null;

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <p className="page__eyebrow">{t('prep.eyebrow')}</p>
          <h1 data-testid="page-title">{m ? m.title : t('prep.newTitle')}</h1>
        </div>
        {m && (
          <div className="page__actions">
            <StatusBadge status={m.status} />
            <Link className="btn btn--secondary" to={`/cuoc-hop/${m.id}`} data-testid="open-meeting-page">
              {t('prep.viewAsMember')}
            </Link>
          </div>
        )}
      </div>
      <nav className="stepper" aria-label={t('prep.stepsLabel')}>
        <ol>
          {PREP_STEPS.map((s, i) => {
            const disabled = !id && s.key !== 'info';
            return (
              <li key={s.key}>
                <button
                  type="button"
                  className="stepper__step"
                  aria-current={current === s.key ? 'step' : undefined}
                  disabled={disabled}
                  onClick={() => go(s.slug)}
                  data-testid={`step-${s.key}`}
                >
                  <span className="stepper__num" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{t(`prep.steps.${s.key}`)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {meeting.error !== null && <Alert>{describeError(meeting.error)}</Alert>}
      {id && !m && meeting.loading && (
        <div className="center-block">
          <Spinner size="lg" label={t('app.loading')} />
        </div>
      )}
      {current === 'info' && (!id || m) && <InfoStep meeting={m ?? null} onSaved={meeting.set} />}
      {stepProps && current === 'participants' && (
        <>
          <ParticipantsStep {...stepProps} />
          <LiveSettingsForm meeting={stepProps.meeting} onMeeting={stepProps.onMeeting} />
        </>
      )}
      {stepProps && current === 'agenda' && <AgendaStep {...stepProps} />}
      {stepProps && current === 'documents' && <DocumentsStep {...stepProps} />}
      {stepProps && current === 'publish' && <PublishStep {...stepProps} />}
      {m && (
        <div className="stepper__nav">
          {PREP_STEPS.findIndex((s) => s.key === current) > 0 && (
            <button type="button" className="btn btn--secondary" onClick={() => go(PREP_STEPS[PREP_STEPS.findIndex((s) => s.key === current) - 1].slug)}>
              ← {t('prep.previous')}
            </button>
          )}
          {PREP_STEPS.findIndex((s) => s.key === current) < PREP_STEPS.length - 1 && (
            <button
              type="button"
              className="btn btn--secondary stepper__next"
              onClick={() => go(PREP_STEPS[PREP_STEPS.findIndex((s) => s.key === current) + 1].slug)}
              data-testid="step-next"
            >
              {t('prep.next')} →
            </button>
          )}
        </div>
      )}
    </div>
  );
}
