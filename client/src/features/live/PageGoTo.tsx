import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A compact "Đến trang" field: Enter goes; anything but a whole number ≥ 1 is rejected on the spot. */
export function PageGoTo({ onGo, testId, disabled }: { onGo: (page: number) => void; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const page = /^\s*\d+\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
    if (!(page >= 1)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue('');
    onGo(page);
  };

  return (
    <form className="page-goto" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('live.presentation.goTo')}
      </label>
      <input
        id={id}
        name="goToPage"
        className="field__input field__input--compact"
        inputMode="numeric"
        placeholder={t('live.presentation.goToShort')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        size={4}
        disabled={disabled}
        data-testid={testId}
      />
      <button type="submit" className="btn btn--secondary" disabled={disabled}>
        {t('live.presentation.go')}
      </button>
      {invalid && (
        <span id={`${id}-error`} className="field__error small" role="alert">
          {t('live.presentation.badPage')}
        </span>
      )}
    </form>
  );
}
