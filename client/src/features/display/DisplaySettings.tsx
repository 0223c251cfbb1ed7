import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FONT_SCALES, stepFontScale } from './display-prefs';
import { useDisplayPrefs } from './use-display-prefs';

/** "Aa" in the top bar: text size in four steps and a high-contrast mode, for this device. */
export function DisplaySettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [prefs, setPrefs] = useDisplayPrefs();
  const smallest = prefs.fontScale === FONT_SCALES[0];
  const largest = prefs.fontScale === FONT_SCALES[FONT_SCALES.length - 1];
  return (
    <>
      <button type="button" className="display-button" data-testid="display-settings" aria-label={t('display.open')} title={t('display.open')} onClick={() => setOpen(true)}>
        <span aria-hidden="true">Aa</span>
      </button>
      <Dialog open={open} title={t('display.title')} onClose={() => setOpen(false)} closeLabel={t('display.close')}>
        <div className="display-settings">
          <p className="display-settings__label" id="display-size-label">
            {t('display.textSize')}
          </p>
          <div className="display-settings__size" role="group" aria-labelledby="display-size-label">
            <Button variant="secondary" data-testid="text-smaller" disabled={smallest} onClick={() => setPrefs({ ...prefs, fontScale: stepFontScale(prefs.fontScale, -1) })} aria-label={t('display.smaller')}>
              A−
            </Button>
            <output className="display-settings__value" data-testid="text-size" aria-live="polite">
              {Math.round(prefs.fontScale * 100)}%
            </output>
            <Button variant="secondary" data-testid="text-larger" disabled={largest} onClick={() => setPrefs({ ...prefs, fontScale: stepFontScale(prefs.fontScale, 1) })} aria-label={t('display.larger')}>
              A+
            </Button>
          </div>
          <label className="display-settings__contrast">
            <input type="checkbox" data-testid="high-contrast" checked={prefs.highContrast} onChange={(e) => setPrefs({ ...prefs, highContrast: e.target.checked })} />
            <span>
              {t('display.highContrast')}
              <small>{t('display.highContrastHint')}</small>
            </span>
          </label>
          <p className="display-settings__note">{t('display.deviceOnly')}</p>
        </div>
      </Dialog>
    </>
  );
}
