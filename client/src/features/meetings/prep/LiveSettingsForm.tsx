import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSettings, MeetingDto, QuorumRule } from '@phonghop/shared';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { quorumRuleLabel } from '../../live/quorum-label';
import { meetingsApi } from '../meetings.api';

type RuleKind = 'more_than_half' | 'two_thirds' | 'at_least_count';

function kindOf(rule: QuorumRule): RuleKind {
  if (rule.kind === 'at_least_fraction') return 'two_thirds';
  return rule.kind;
}

function ruleOf(kind: RuleKind, count: number): QuorumRule {
  if (kind === 'two_thirds') return { kind: 'at_least_fraction', numerator: 2, denominator: 3 };
  if (kind === 'at_least_count') return { kind: 'at_least_count', count };
  return { kind: 'more_than_half' };
}

/** Quy tắc phiên họp: the quorum rule, speaking time and check-in window the live room applies. */
export function LiveSettingsForm({ meeting, onMeeting }: { meeting: MeetingDto; onMeeting: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const s = meeting.liveSettings;
  const [kind, setKind] = useState<RuleKind>(kindOf(s.quorumRule));
  const [count, setCount] = useState(s.quorumRule.kind === 'at_least_count' ? s.quorumRule.count : 1);
  const [limitMin, setLimitMin] = useState(s.speakingLimitSec / 60);
  const [warnSec, setWarnSec] = useState(s.speakingWarnSec);
  const [checkIn, setCheckIn] = useState(s.checkInOpensMinutes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const editable = meeting.can.edit;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const liveSettings: LiveSettings = {
      quorumRule: ruleOf(kind, count),
      speakingLimitSec: Math.round(limitMin * 60),
      speakingWarnSec: warnSec,
      checkInOpensMinutes: checkIn,
    };
    try {
      onMeeting(await meetingsApi.update(meeting.id, { liveSettings }));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="live-settings-title" data-testid="live-settings">
      <h2 id="live-settings-title">{t('prep.liveSettings.title')}</h2>
      <p className="muted">{t('prep.liveSettings.current', { rule: quorumRuleLabel(s.quorumRule, t), minutes: s.speakingLimitSec / 60 })}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="form__grid plain-fieldset" disabled={!editable || busy}>
          <SelectField label={t('prep.liveSettings.quorum')} value={kind} disabled={!editable} onChange={(e) => setKind(e.target.value as RuleKind)} data-testid="quorum-rule">
            <option value="more_than_half">{t('prep.liveSettings.moreThanHalf')}</option>
            <option value="two_thirds">{t('prep.liveSettings.twoThirds')}</option>
            <option value="at_least_count">{t('prep.liveSettings.atLeastCount')}</option>
          </SelectField>
          {kind === 'at_least_count' && (
            <TextField label={t('prep.liveSettings.count')} type="number" min={1} max={1000} value={count} disabled={!editable} onChange={(e) => setCount(Number(e.target.value))} />
          )}
          <TextField label={t('prep.liveSettings.limit')} type="number" min={0.5} max={60} step={0.5} value={limitMin} disabled={!editable} onChange={(e) => setLimitMin(Number(e.target.value))} data-testid="speaking-limit" />
          <TextField label={t('prep.liveSettings.warn')} type="number" min={0} max={600} value={warnSec} disabled={!editable} onChange={(e) => setWarnSec(Number(e.target.value))} />
          <TextField label={t('prep.liveSettings.checkIn')} type="number" min={0} max={1440} value={checkIn} disabled={!editable} onChange={(e) => setCheckIn(Number(e.target.value))} />
        </fieldset>
        {error !== null && <Alert>{describeError(error)}</Alert>}
        {saved && <Alert tone="success">{t('prep.liveSettings.saved')}</Alert>}
        {editable && (
          <div className="form__actions">
            <Button type="submit" busy={busy} data-testid="save-live-settings">
              {t('prep.liveSettings.save')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
