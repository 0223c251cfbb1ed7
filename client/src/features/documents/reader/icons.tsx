/** Small line icons for the reader's toolbar (inline SVG: no icon font, nothing from outside). */
const paths = {
  search: 'M10.5 4a6.5 6.5 0 1 0 4.1 11.5l4.7 4.7 1.4-1.4-4.7-4.7A6.5 6.5 0 0 0 10.5 4Zm0 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Z',
  panel: 'M4 4h16v16H4V4Zm2 2v12h4V6H6Zm6 0v12h6V6h-6Z',
  fitWidth: 'M3 5h2v14H3V5Zm16 0h2v14h-2V5ZM7 11h10v2H7v-2Zm0 0 3-3v8l-3-3Zm10 0-3-3v8l3-3Z',
  fitPage: 'M6 3h12v18H6V3Zm2 2v14h8V5H8Z',
  prevDoc: 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12l4.6-4.6Z',
  nextDoc: 'M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6-4.6 4.6Z',
  up: 'M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6 1.4 1.4Z',
  down: 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6 1.4-1.4Z',
  close: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg className="reader-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
