import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesDto } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { MinutesActions } from './MinutesActions';
import { MinutesDocument } from './MinutesDocument';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './use-autosave';

/** The secretary's draft: the document with its free text editable and autosaved, and the submit button. */
export function MinutesEditor({
  minutes: m,
  onMinutes,
  onReload,
  onRefresh,
}: {
  minutes: MinutesDto;
  onMinutes: (m: MinutesDto) => void;
  /** Starts again from the server's copy (after a conflict). */
  onReload: () => void;
  /** Reads the facts again; what is typed stays. */
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const { saver, view } = useAutosave(m.meetingId, { version: m.version, notes: m.notes });

  // an edit of approved minutes reopened the draft (the signed copy is superseded): show the server's state
  const reopened = view.minutesStatus !== null && view.minutesStatus !== m.status;
  useEffect(() => {
    if (reopened && !saver.dirty) onReload();
  }, [reopened, view.status, saver, onReload]);

  const beforeSubmit = async () => {
    await saver.flush();
    if (saver.view.status === 'conflict' || saver.view.status === 'error') throw saver.view.error;
    return saver.view.version;
  };
  return (
    <>
      <div className="minutes-toolbar">
        <SaveIndicator view={view} onReload={onReload} onRetry={() => void saver.flush()} />
        {!m.facts.ended && (
          <Button variant="ghost" onClick={onRefresh} data-testid="refresh-facts">
            {t('minutes.refreshFacts')}
          </Button>
        )}
      </div>
      <MinutesActions minutes={m} beforeSubmit={beforeSubmit} onMinutes={onMinutes} />
      <MinutesDocument minutes={m} notes={view.notes} editable onChange={(key, value) => saver.change(key, value)} />
    </>
  );
}
