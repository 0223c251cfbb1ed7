import type { SearchHighlight } from '@phonghop/shared';
import { markSegments } from './highlight';

/** Text with the server's highlight ranges as <mark> elements: React text nodes only, the text is never parsed as HTML. */
export function Marked({ text, ranges }: { text: string; ranges: readonly SearchHighlight[] }) {
  return (
    <>
      {markSegments(text, ranges).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
