import { type FormEvent, useId, useState } from 'react';

export interface PageGoToProps {
  onGo: (page: number) => void;
  /** The last page, when known: a page past it is refused on the spot too. */
  max?: number;
  /** Translated by the caller: the field's label, its placeholder, the button, the refusal. */
  labels: { field: string; placeholder: string; go: string; invalid: string };
  className: string;
  inputTestId: string;
  submitTestId?: string;
  small?: boolean;
  disabled?: boolean;
}

/** A compact "Đến trang" field: Enter goes; anything but a whole number ≥ 1 (and ≤ `max`) is refused on the spot. */
export function PageGoTo({ onGo, max = Number.POSITIVE_INFINITY, labels, className, inputTestId, submitTestId, small, disabled }: PageGoToProps) {
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const page = /^\s*\d+\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
    if (!(page >= 1 && page <= max)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue('');
    onGo(page);
  };

  return (
    <form className={className} onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {labels.field}
      </label>
      <input
        id={id}
        name="goToPage"
        className="field__input field__input--compact"
        inputMode="numeric"
        enterKeyHint="go"
        placeholder={labels.placeholder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        size={4}
        disabled={disabled}
        data-testid={inputTestId}
      />
      <button type="submit" className={`btn btn--secondary${small ? ' btn--small' : ''}`} disabled={disabled} data-testid={submitTestId}>
        {labels.go}
      </button>
      {invalid && (
        <span id={`${id}-error`} className="field__error small" role="alert">
          {labels.invalid}
        </span>
      )}
    </form>
  );
}
