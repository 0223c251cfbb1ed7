import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success' | 'warning';

/** Errors and warnings are announced (role=alert); info and success are polite status messages. */
export function Alert({ tone = 'error', children }: { tone?: Tone; children: ReactNode }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`alert alert--${tone}`} role={urgent ? 'alert' : 'status'}>
      <span className="alert__icon" aria-hidden="true" />
      <div className="alert__body">{children}</div>
    </div>
  );
}
