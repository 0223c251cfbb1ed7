import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useLive } from './live-context';
import { LiveStatusBadge } from './LiveBadges';

/** Bắt đầu / Tạm dừng / Tiếp tục / Kết thúc, as the status allows; ending cannot be undone, so it asks first. */
export function MeetingControls() {
  const { t } = useTranslation();
  const { view, run, pending } = useLive();
  const [confirming, setConfirming] = useState(false);
  const status = view.state.status;

  const end = async () => {
    if (await run('meeting:end', {})) setConfirming(false);
  };

  return (
    <section className="card live-panel meeting-controls" aria-labelledby="meeting-controls-title" data-testid="meeting-controls">
      <div className="section-header">
        <h2 id="meeting-controls-title">{t('live.controls.title')}</h2>
        <LiveStatusBadge status={status} />
      </div>
      <div className="live-actions">
        {status === 'scheduled' && (
          <Button busy={pending.has('meeting:start')} onClick={() => void run('meeting:start', {})} data-testid="meeting-start">
            {t('live.controls.start')}
          </Button>
        )}
        {status === 'in_progress' && (
          <Button variant="secondary" busy={pending.has('meeting:pause')} onClick={() => void run('meeting:pause', {})} data-testid="meeting-pause">
            {t('live.controls.pause')}
          </Button>
        )}
        {status === 'paused' && (
          <Button busy={pending.has('meeting:resume')} onClick={() => void run('meeting:resume', {})} data-testid="meeting-resume">
            {t('live.controls.resume')}
          </Button>
        )}
        {(status === 'in_progress' || status === 'paused') && (
          <Button variant="danger" onClick={() => setConfirming(true)} data-testid="meeting-end">
            {t('live.controls.end')}
          </Button>
        )}
        {status === 'ended' && <p className="muted">{t('live.controls.endedNote')}</p>}
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('live.controls.endTitle')} closeLabel={t('live.close')}>
        <div className="form">
          <p>{t('live.controls.endText')}</p>
          <div className="form__actions">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('live.cancel')}
            </Button>
            <Button variant="danger" busy={pending.has('meeting:end')} onClick={() => void end()} data-testid="confirm-meeting-end">
              {t('live.controls.endConfirm')}
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
