import { open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/app-error.js';

/**
 * The real type of an upload, from its bytes, not from its name or the browser's Content-Type (both are
 * the uploader's claim). Only the formats the converter and the viewer handle are accepted.
 */
export type FileKind = 'pdf' | 'doc' | 'docx' | 'odt' | 'xlsx' | 'pptx';
export type OfficeKind = Exclude<FileKind, 'pdf'>;

export const isOfficeKind = (kind: FileKind): kind is OfficeKind => kind !== 'pdf';

/** MIME types to serve each kind with. */
export const FILE_KIND_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const HEAD_BYTES = 1024;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_EOCD = Buffer.from('PK\x05\x06', 'latin1');
const ODT_MIME = 'application/vnd.oasis.opendocument.text';
// The end-of-central-directory record sits in the last 22 + 65535 (maximum comment) bytes.
const EOCD_SEARCH = 22 + 0xffff;
// A central directory larger than this is not a document we want to open anyway.
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;

/** Sniffs a file on disk. Throws FILE_EMPTY or FILE_TYPE_NOT_SUPPORTED. */
export async function sniffFileKind(filePath: string, originalName: string): Promise<FileKind> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new AppError('FILE_EMPTY');
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const zipEntries = head.subarray(0, 4).equals(ZIP_LOCAL) ? await readZipEntryNames(handle, size) : null;
    return sniffBytes(head, originalName, zipEntries);
  } finally {
    await handle.close();
  }
}

/**
 * The decision itself, on the first bytes (≤ 1024) and, for a zip, its entry names (null when the central
 * directory could not be read, e.g. ZIP64; the extension then decides among the OOXML kinds).
 */
export function sniffBytes(head: Buffer, originalName: string, zipEntries: string[] | null = null): FileKind {
  if (head.length === 0) throw new AppError('FILE_EMPTY');
  const ext = path.extname(originalName.normalize('NFC')).slice(1).toLowerCase();

  // PDF readers accept the header anywhere in the first 1024 bytes; whether the rest is a PDF is pdf.js's call.
  if (head.subarray(0, HEAD_BYTES).includes('%PDF-', 0, 'latin1')) return 'pdf';

  if (head.subarray(0, 8).equals(OLE2)) {
    // OLE2 is also .xls, .ppt, .msg and password-protected OOXML; only a Word name is taken for Word 97-2003.
    if (ext === 'doc' || ext === 'dot') return 'doc';
    throw new AppError('FILE_TYPE_NOT_SUPPORTED');
  }

  if (head.subarray(0, 4).equals(ZIP_LOCAL)) {
    // ODF puts an uncompressed `mimetype` entry first (name at offset 30, its content right after).
    if (head.toString('latin1', 30, 38) === 'mimetype') {
      const extraLength = head.readUInt16LE(28);
      const start = 38 + extraLength;
      if (head.toString('latin1', start, start + ODT_MIME.length) === ODT_MIME) return 'odt';
      throw new AppError('FILE_TYPE_NOT_SUPPORTED'); // .ods, .odp, .epub …
    }
    const ooxml = zipEntries ? ooxmlKindFromEntries(zipEntries) : ooxmlKindFromExtension(ext);
    if (ooxml) return ooxml;
    throw new AppError('FILE_TYPE_NOT_SUPPORTED');
  }

  throw new AppError('FILE_TYPE_NOT_SUPPORTED'); // PNG, JPEG, HTML, plain text, executables …
}

function ooxmlKindFromEntries(entries: string[]): OfficeKind | null {
  if (!entries.includes('[Content_Types].xml')) return null;
  if (entries.some((e) => e.startsWith('word/'))) return 'docx';
  if (entries.some((e) => e.startsWith('xl/'))) return 'xlsx';
  if (entries.some((e) => e.startsWith('ppt/'))) return 'pptx';
  return null;
}

function ooxmlKindFromExtension(ext: string): OfficeKind | null {
  return ext === 'docx' || ext === 'xlsx' || ext === 'pptx' ? ext : null;
}

type ReadHandle = Awaited<ReturnType<typeof open>>;

/** Entry names from the zip's central directory: two small reads at the end of the file, no decompression. */
async function readZipEntryNames(handle: ReadHandle, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, EOCD_SEARCH);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(ZIP_EOCD);
  if (eocd < 0 || eocd + 22 > tail.length) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) return null; // ZIP64 or broken
  const cd = Buffer.alloc(cdSize);
  await handle.read(cd, 0, cdSize, cdOffset);
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count && at + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    names.push(cd.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
