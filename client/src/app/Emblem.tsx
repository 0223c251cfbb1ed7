/** The app's mark: a gold star on deep red, drawn inline. */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false" className="emblem">
      <rect width="64" height="64" rx="14" fill="#8b1a1a" />
      <path d="M32 12l5.9 12 13.1 1.9-9.5 9.3 2.2 13.1L32 42.1l-11.7 6.2 2.2-13.1-9.5-9.3 13.1-1.9z" fill="#f5c542" />
    </svg>
  );
}
