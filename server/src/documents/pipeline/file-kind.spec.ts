import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sniffBytes, sniffFileKind } from './file-kind.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

/** First bytes of a zip whose first entry is `name`, stored, with `content` (the ODF `mimetype` layout). */
function zipHead(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const err = (code: string) => expect.objectContaining({ code });

describe('sniffBytes', () => {
  it('finds %PDF- anywhere in the first 1024 bytes, whatever the name', () => {
    expect(sniffBytes(Buffer.from('%PDF-1.7\n'), 'x.docx')).toBe('pdf');
    expect(sniffBytes(Buffer.concat([Buffer.alloc(500, 0x20), Buffer.from('%PDF-1.4')]), 'x')).toBe('pdf');
    expect(() => sniffBytes(Buffer.concat([Buffer.alloc(1024, 0x20), Buffer.from('%PDF-1.4')]), 'x.pdf')).toThrow(
      err('FILE_TYPE_NOT_SUPPORTED'),
    );
  });

  it('tells OOXML kinds apart by their entries, by extension only when entries are unknown', () => {
    const zip = zipHead('[Content_Types].xml');
    expect(sniffBytes(zip, 'a.docx', ['[Content_Types].xml', 'word/document.xml'])).toBe('docx');
    expect(sniffBytes(zip, 'a.docx', ['[Content_Types].xml', 'xl/workbook.xml'])).toBe('xlsx');
    expect(sniffBytes(zip, 'a.bin', ['[Content_Types].xml', 'ppt/presentation.xml'])).toBe('pptx');
    expect(sniffBytes(zip, 'a.XLSX', null)).toBe('xlsx');
    expect(() => sniffBytes(zip, 'a.zip', null)).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
    expect(() => sniffBytes(zip, 'a.docx', ['photo.jpg'])).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
  });

  it('accepts ODT by its mimetype entry and refuses other ODF documents', () => {
    expect(sniffBytes(zipHead('mimetype', 'application/vnd.oasis.opendocument.text'), 'x.odt')).toBe('odt');
    expect(() => sniffBytes(zipHead('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), 'x.odt')).toThrow(
      err('FILE_TYPE_NOT_SUPPORTED'),
    );
  });

  it('takes OLE2 as Word 97-2003 only under a Word name', () => {
    expect(sniffBytes(OLE2, 'Công văn.DOC')).toBe('doc');
    expect(() => sniffBytes(OLE2, 'bang-tinh.xls')).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
    // password-protected OOXML is an OLE2 container too: LibreOffice could not open it headless
    expect(() => sniffBytes(OLE2, 'mat-khau.docx')).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
  });

  it('refuses images, HTML and text, and reports empty input', () => {
    expect(() => sniffBytes(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), 'a.pdf')).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
    expect(() => sniffBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a.pdf')).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
    expect(() => sniffBytes(Buffer.from('<!doctype html><script>'), 'a.pdf')).toThrow(err('FILE_TYPE_NOT_SUPPORTED'));
    expect(() => sniffBytes(Buffer.alloc(0), 'a.pdf')).toThrow(err('FILE_EMPTY'));
  });
});

describe('sniffFileKind on files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'file-kind-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('recognises the fixtures', async () => {
    await expect(sniffFileKind(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'), 'x.pdf')).resolves.toBe('pdf');
    await expect(sniffFileKind(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx'), 'x.docx')).resolves.toBe('docx');
    // the content decides, not the name: a Word file named .xlsx is still Word
    await expect(sniffFileKind(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx'), 'x.xlsx')).resolves.toBe('docx');
    await expect(sniffFileKind(fixture('pdfs/tracemonkey.pdf'), 'tracemonkey.docx')).resolves.toBe('pdf');
  });

  it('refuses the hostile files that are not PDFs at all', async () => {
    await expect(sniffFileKind(fixture('hostile/empty.pdf'), 'empty.pdf')).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(sniffFileKind(fixture('hostile/not-a-pdf.pdf'), 'a.pdf')).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_SUPPORTED' });
    await expect(sniffFileKind(fixture('hostile/png-named.pdf'), 'a.pdf')).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_SUPPORTED' });
    await expect(sniffFileKind(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.txt'), 'a.docx')).rejects.toMatchObject({
      code: 'FILE_TYPE_NOT_SUPPORTED',
    });
  });

  it('lets %PDF-headed files through to pdf.js (which refuses them later)', async () => {
    await expect(sniffFileKind(fixture('hostile/pdf-header-html-body.pdf'), 'a.pdf')).resolves.toBe('pdf');
    await expect(sniffFileKind(fixture('hostile/truncated.pdf'), 'a.pdf')).resolves.toBe('pdf');
  });

  it('refuses a zip that is not an office document', async () => {
    // a zip with one stored entry `hello.txt` and its central directory
    const zip = path.join(dir, 'a.docx');
    const name = Buffer.from('hello.txt');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(46 + name.length, 12);
    eocd.writeUInt32LE(30 + name.length, 16);
    await writeFile(zip, Buffer.concat([local, name, central, name, eocd]));
    await expect(sniffFileKind(zip, 'a.docx')).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_SUPPORTED' });
    await copyFile(fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.docx'), path.join(dir, 'b'));
    await expect(sniffFileKind(path.join(dir, 'b'), 'no-extension')).resolves.toBe('docx');
  });
});
