/** One CSV row: text cells are quoted, numbers are written as they are. */
export type CsvRow = readonly (string | number)[];

/**
 * RFC 4180 CSV for Excel, used by every export: UTF-8 with a byte order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF, every text field quoted and in NFC (text typed on a tablet may arrive decomposed). A text that
 * starts like a formula (= + - @, tab or CR) gets an apostrophe, so a question or a note typed as "=HYPERLINK(…)"
 * stays text in the secretary's spreadsheet.
 */
export function toCsv(rows: readonly CsvRow[]): string {
  const cell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const nfc = value.normalize('NFC');
    const text = /^[=+\-@\t\r]/.test(nfc) ? `'${nfc}` : nfc;
    return `"${text.replaceAll('"', '""')}"`;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
