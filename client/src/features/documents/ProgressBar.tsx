/** A determinate progress bar; `value` is 0–100. */
export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const v = Math.round(Math.max(0, Math.min(100, value)));
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-label={label} data-testid={testId}>
      <div className="progress__bar" style={{ width: `${v}%` }} />
    </div>
  );
}
