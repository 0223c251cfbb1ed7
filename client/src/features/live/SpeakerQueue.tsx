import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueuedSpeaker } from '@phonghop/shared';

/** "Danh sách đăng ký (3)" and the queue in order, or that no one has asked; `row` draws one entry. */
export function SpeakerQueue({ queue, className, row }: { queue: readonly QueuedSpeaker[]; className: string; row: (q: QueuedSpeaker, index: number) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="live-subtitle">{t('live.speakers.queue', { count: queue.length })}</h3>
      {queue.length === 0 ? (
        <p className="muted" data-testid="speaker-queue-empty">
          {t('live.speakers.empty')}
        </p>
      ) : (
        <ol className={className} data-testid="speaker-queue">
          {queue.map(row)}
        </ol>
      )}
    </>
  );
}
