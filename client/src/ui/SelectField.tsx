import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

export function SelectField({ label, error, className, children, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { label: string; error?: string; children: ReactNode }) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select {...rest} id={id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={errorId}>
        {children}
      </select>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
