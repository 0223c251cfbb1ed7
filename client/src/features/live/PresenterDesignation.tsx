import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useLive, useSubstituteFormat } from './live-context';
import { personName, seatName } from './seats';

/** The chair lets one member drive the pages ("Giao quyền trình bày"), and takes it back. */
export function PresenterDesignation() {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const format = useSubstituteFormat();
  const selectId = useId();
  const [picked, setPicked] = useState('');
  const designated = view.state.designatedPresenterId;
  const live = view.state.status === 'in_progress' || view.state.status === 'paused';
  const members = room.seats.filter((s) => s.role === 'member');

  if (designated) {
    return (
      <div className="presenter-designation" data-testid="presenter-designation" data-designated={designated}>
        <p>{t('live.presentation.designated', { name: personName(room.seats, designated, format, t('live.someone')) })}</p>
        <Button variant="secondary" busy={pending.has('presenter')} onClick={() => void run('presentation:set-presenter', { userId: null }, 'presenter')} data-testid="presenter-take-back">
          {t('live.presentation.takeBack')}
        </Button>
      </div>
    );
  }
  return (
    <div className="presenter-designation" data-testid="presenter-designation" data-designated="">
      <div className="field">
        <label htmlFor={selectId} className="field__label">
          {t('live.presentation.designateLabel')}
        </label>
        <select id={selectId} name="presenter" className="field__input" value={picked} onChange={(e) => setPicked(e.target.value)} disabled={!live}>
          <option value="">{t('live.presentation.choosePresenter')}</option>
          {members.map((s) => (
            <option key={s.userId} value={s.userId}>
              {seatName(s, format)}
            </option>
          ))}
        </select>
      </div>
      <Button busy={pending.has('presenter')} disabled={!live || !picked} onClick={() => void run('presentation:set-presenter', { userId: picked }, 'presenter')} data-testid="presenter-designate">
        {t('live.presentation.designate')}
      </Button>
    </div>
  );
}
