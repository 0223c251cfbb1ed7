import type { ReactNode } from 'react';

export function EmptyState({ title, children, illustration }: { title: string; children?: ReactNode; illustration?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-state__art" aria-hidden="true">
        {illustration ?? <MeetingIllustration />}
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__text">{children}</div>}
    </section>
  );
}

/** A meeting table with an empty document tray, drawn inline (no external assets). */
export function MeetingIllustration() {
  return (
    <svg viewBox="0 0 200 140" width="200" height="140" focusable="false">
      <ellipse cx="100" cy="124" rx="82" ry="9" fill="#e7e3dc" />
      <rect x="30" y="62" width="140" height="14" rx="7" fill="#1f3a5f" />
      <rect x="44" y="76" width="8" height="44" rx="3" fill="#1f3a5f" />
      <rect x="148" y="76" width="8" height="44" rx="3" fill="#1f3a5f" />
      <rect x="70" y="18" width="60" height="44" rx="4" fill="#fff" stroke="#c9c2b6" strokeWidth="2" />
      <rect x="80" y="28" width="40" height="4" rx="2" fill="#8b1a1a" />
      <rect x="80" y="38" width="32" height="3" rx="1.5" fill="#c9c2b6" />
      <rect x="80" y="46" width="36" height="3" rx="1.5" fill="#c9c2b6" />
      <circle cx="52" cy="40" r="9" fill="#d7d0c4" />
      <rect x="42" y="50" width="20" height="12" rx="6" fill="#d7d0c4" />
      <circle cx="148" cy="40" r="9" fill="#d7d0c4" />
      <rect x="138" y="50" width="20" height="12" rx="6" fill="#d7d0c4" />
      <path d="M158 14l3 6 6.5 1-4.8 4.6 1.2 6.4-5.9-3.1-5.9 3.1 1.2-6.4-4.8-4.6 6.5-1z" fill="#e0b43a" />
    </svg>
  );
}
