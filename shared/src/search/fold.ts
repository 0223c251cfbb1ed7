/**
 * Folding for the archive search: "Phòng họp KHÔNG giấy" and "phong hop khong giay" become the same text.
 * NFD splits a letter from its tone and vowel marks, which are dropped; đ/Đ is a letter of its own in Unicode
 * (no decomposition), so it is mapped by hand.
 */
const MARKS = /\p{M}/gu;

function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The folded text alone (what is indexed and what a query becomes); foldWithOffsets also maps it back. */
export function foldVietnamese(text: string): string {
  let folded = '';
  for (const ch of text) folded += foldChar(ch);
  return folded;
}

/**
 * The folded text and, for each of its UTF-16 units, where its character starts and ends in the original: a
 * match found in the folded text is highlighted in the text the reader sees, whatever the original's normalisation.
 */
export function foldWithOffsets(text: string): { folded: string; start: number[]; end: number[] } {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    // Combining marks typed separately (NFD input) belong to the letter before them: fold them away in place.
    const out = foldChar(ch);
    for (let k = 0; k < out.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    folded += out;
    i += ch.length;
  }
  return { folded, start, end };
}

/**
 * The folded words of a text joined by single spaces: what is indexed, so that SQLite's and PostgreSQL's
 * tokenizers see the same words (PostgreSQL's parser would read "2021-2025" as 2021 and -2025).
 */
export function foldedWords(text: string): string {
  return words(text).join(' ');
}

/** The words of a query, folded; what both engines match (whole words, all of them). */
export function searchTerms(query: string): string[] {
  return [...new Set(words(query))];
}

const words = (text: string): string[] => foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
