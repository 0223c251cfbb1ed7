import { useTranslation } from 'react-i18next';
import { formatBytes } from '../doc-format';
import { usePackSync } from './pack-context';
import type { PackPhase } from './pack-sync';
import './pack.css';

type Shown = 'syncing' | 'done' | 'offline' | 'unavailable';
const SHOWN: Record<Exclude<PackPhase, 'idle'>, Shown> = {
  syncing: 'syncing',
  retrying: 'syncing',
  done: 'done',
  offline: 'offline',
  unavailable: 'unavailable',
};

/** A quiet header chip: progress while the meeting pack downloads, then how many meetings are ready. */
export function PackStatus() {
  const { t, i18n } = useTranslation();
  const s = usePackSync();
  if (s.phase === 'idle') return null;
  const state = SHOWN[s.phase];
  const lang = i18n.resolvedLanguage ?? 'vi';
  // Nothing to carry (no published meeting, or staff): stay out of the way.
  const hidden = state === 'done' && s.meetingCount === 0;

  let text: string;
  let detail: string | undefined;
  if (state === 'unavailable') {
    text = t('pack.unavailable');
    detail = t('pack.unavailableHint');
  } else if (state === 'offline') {
    text = t('pack.offline');
  } else if (state === 'done') {
    text = t('pack.done', { count: s.meetingsReady });
    if (s.usage) detail = t('pack.usage', { size: formatBytes(s.usage.usedBytes, lang) });
  } else if (s.phase === 'retrying') {
    text = t('pack.retrying');
  } else if (s.total === 0) {
    text = t('pack.checking');
  } else {
    text = t('pack.progress', { done: s.completed, total: s.total, size: formatBytes(s.bytesTotal, lang) });
  }
  const percent = s.bytesTotal > 0 ? Math.round((100 * s.bytesDone) / s.bytesTotal) : 0;

  return (
    <span
      className={`pack-status pack-status--${state}`}
      data-testid="pack-status"
      data-state={state}
      role="status"
      hidden={hidden}
      title={detail ?? text}
    >
      <span className="pack-status__text">
        {text}
        {detail && state === 'done' && <span className="pack-status__detail"> · {detail}</span>}
      </span>
      {state === 'syncing' && s.total > 0 && (
        <span
          className="pack-status__bar"
          role="progressbar"
          aria-label={t('pack.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-testid="pack-progress"
        >
          <span className="pack-status__fill" style={{ width: `${percent}%` }} />
        </span>
      )}
    </span>
  );
}
