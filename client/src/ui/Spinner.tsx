export function Spinner({ label, size = 'md' }: { label?: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={`spinner spinner--${size}`} role={label ? 'status' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />
  );
}

export function FullPageSpinner({ label }: { label: string }) {
  return (
    <div className="full-page-center">
      <Spinner size="lg" label={label} />
      <p className="muted">{label}</p>
    </div>
  );
}
