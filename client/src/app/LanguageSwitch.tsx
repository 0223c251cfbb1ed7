import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** One button toggling VI ⇄ EN; the current language is highlighted. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      data-lang={current}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      onClick={() => setLanguage(current === 'vi' ? 'en' : 'vi')}
    >
      <span className={current === 'vi' ? 'is-current' : undefined}>{t('lang.vi')}</span>
      <span aria-hidden="true" className="lang-switch__sep">/</span>
      <span className={current === 'en' ? 'is-current' : undefined}>{t('lang.en')}</span>
    </button>
  );
}
