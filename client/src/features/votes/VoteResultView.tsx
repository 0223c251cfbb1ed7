import { useTranslation } from 'react-i18next';
import type { VoteResult } from '@phonghop/shared';
import { barWidth, formatPercent } from './vote-format';

/**
 * A closed vote's result: the outcome (Thông qua / Không thông qua / Không đủ số lượng đại biểu), then each option
 * with its count, its percentage of the rule's base and a bar. The same on tablets and, larger, on the projector.
 */
export function VoteResultView({ result }: { result: VoteResult }) {
  const { t, i18n } = useTranslation();
  const percent = (value: number) => formatPercent(value, i18n.language);
  return (
    <div className="vote-result" data-testid="vote-result" data-outcome={result.outcome}>
      <p className={`vote-outcome vote-outcome--${result.outcome}`} data-testid="vote-outcome">
        {t(`votes.outcomes.${result.outcome}`)}
      </p>
      <ul className="vote-result__options">
        {result.options.map((o) => (
          <li key={o.key} className={`vote-result__option ${o.reached ? 'is-reached' : ''}`} data-testid="vote-result-option" data-key={o.key} data-count={o.count}>
            <div className="vote-result__line">
              <span className="vote-result__label">
                {o.label}
                {o.reached && result.mode === 'choice' && <span className="badge vote-reached">{t('votes.result.reached')}</span>}
              </span>
              <span className="vote-result__figures">
                <span className="vote-result__count" data-testid="vote-option-count">
                  {t('votes.result.ballots', { n: o.count })}
                </span>
                <span className="vote-result__percent" data-testid="vote-option-percent">
                  {percent(o.percentOfBase)}
                </span>
              </span>
            </div>
            <div className="vote-bar" aria-hidden="true">
              <span className={`vote-bar__fill vote-bar__fill--${o.role ?? 'choice'}`} style={{ width: `${barWidth(o.percentOfBase)}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <dl className="vote-result__facts">
        <div>
          <dt>{t('votes.result.cast')}</dt>
          <dd data-testid="vote-result-cast">{t('votes.result.castOf', { cast: result.cast, eligible: result.eligible })}</dd>
        </div>
        <div>
          <dt>{t('votes.result.rule')}</dt>
          <dd>
            {t(`votes.rules.${result.rule}`)} — {t('votes.result.threshold', { threshold: result.threshold, base: result.base })}
          </dd>
        </div>
        {result.quorum && (
          <div>
            <dt>{t('votes.result.quorum')}</dt>
            <dd>{t(result.quorum.met ? 'votes.result.quorumMet' : 'votes.result.quorumNotMet', { present: result.quorum.presentAtClose, required: result.quorum.required })}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
