/** The reader's annotation tools. 'read' is no tool at all: scrolling, pinch-zoom and text selection as usual. */
export type Tool = 'read' | 'pen' | 'highlighter' | 'note' | 'eraser';

export const TOOLS: readonly Tool[] = ['read', 'pen', 'highlighter', 'note', 'eraser'];

export const COLOURS = [
  { name: 'blue', hex: '#1565c0' },
  { name: 'red', hex: '#d32f2f' },
  { name: 'black', hex: '#212121' },
  { name: 'yellow', hex: '#f9a825' },
] as const;

/** Stroke widths as fractions of the page width: on an A4 page shown 800 px wide, about 1.6, 3.2 and 6.4 px. */
export const WIDTHS = [
  { name: 'thin', value: 0.002 },
  { name: 'medium', value: 0.004 },
  { name: 'thick', value: 0.008 },
] as const;

/** A highlighter stroke is this many times wider than the pen's. */
export const HIGHLIGHTER_FACTOR = 5;
/** The eraser's reach around the finger or pen, in page widths. */
export const ERASER_RADIUS = 0.012;
/** Simplification tolerance of a finished stroke, in page widths (well under a pixel). */
export const SIMPLIFY_EPSILON = 0.0006;

/** Notes and text highlights: the palette's yellow. */
export const NOTE_COLOUR = COLOURS[3].hex;
