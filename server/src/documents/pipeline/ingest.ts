import { rm } from 'node:fs/promises';
import { type BlobStore, type TempBlob } from './blob-store.js';
import { type FileKind, isOfficeKind, sniffFileKind } from './file-kind.js';
import { FALLBACK_FILE_NAME, sanitizeFileName, withExtension } from './file-name.js';
import { type PdfInspection, type PdfInspector } from './pdf-inspector.js';
import { type PdfNormalizer } from './pdf-normalize.js';
import { type OfficeConverter } from './office-convert.js';

export interface IngestInput {
  /** The uploaded file. Consumed: committed into the store or deleted, whatever the outcome. */
  tmpPath: string;
  /**
   * The upload as `store.writeStream` returned it (path in the store's temp area, hash and size computed
   * while streaming). Given, the file is not read a second time just to hash it; otherwise `tmpPath` is
   * adopted (hashed, or copied in from outside the store).
   */
  uploaded?: TempBlob;
  /** The name the uploader's browser sent; only sanitised for display. */
  originalName: string;
  /** Password of an encrypted PDF, when the uploader gave one. */
  password?: string;
  store: BlobStore;
  inspector: Pick<PdfInspector, 'inspect'>;
  converter: Pick<OfficeConverter, 'convert'>;
  normalizer: Pick<PdfNormalizer, 'normalize'>;
}

export interface IngestResult {
  /** The file as uploaded (a DOCX stays downloadable as a DOCX). */
  original: { sha256: string; size: number; kind: FileKind; name: string };
  /** The PDF that was checked: the upload itself, or LibreOffice's conversion. Same blob as original for a PDF. */
  pdf: { sha256: string; size: number; pageCount: number; encrypted: boolean; pageTexts: string[]; title?: string };
  /** The linearized copy to serve to viewers (decrypted if a password was given); null → serve `pdf`. */
  normalized: { sha256: string; size: number } | null;
  /** Why there is no normalised copy, for logs. */
  normalizeError?: string;
}

/**
 * The whole upload pipeline: sniff → (convert) → inspect with pdf.js → normalise with qpdf → commit.
 * Blobs are committed only at the end, so a refusal (any AppError) leaves nothing in the store.
 */
export async function ingestDocument(input: IngestInput): Promise<IngestResult> {
  const { store } = input;
  await store.init();
  const temps: string[] = [];
  const track = (tmp: string): string => {
    temps.push(tmp);
    return tmp;
  };
  try {
    const kind = await sniffFileKind(input.tmpPath, input.originalName);
    const name = withExtension(sanitizeFileName(input.originalName, FALLBACK_FILE_NAME.replace(/pdf$/u, kind)), kind);

    const original = input.uploaded?.tmpPath === input.tmpPath ? input.uploaded : await store.adopt(input.tmpPath);
    track(original.tmpPath);

    let pdf: TempBlob = original;
    if (isOfficeKind(kind)) {
      const converted = track(store.tempPath());
      await input.converter.convert(original.tmpPath, kind, converted);
      pdf = await store.hashTemp(converted);
    }

    // A password matters only for an uploaded PDF; a converted one is never encrypted.
    const password = isOfficeKind(kind) ? undefined : input.password;
    const inspection: PdfInspection = await input.inspector.inspect(pdf.tmpPath, { password });

    let normalized: TempBlob | null = null;
    const normalizedPath = track(store.tempPath());
    const outcome = await input.normalizer.normalize(pdf.tmpPath, normalizedPath, {
      password: inspection.encrypted ? password : undefined,
      expectedPages: inspection.pageCount,
    });
    if (outcome.normalized) normalized = await store.hashTemp(normalizedPath);

    // All checks passed: publish. The PDF blob is the original itself when the upload was a PDF.
    await store.commit(original.tmpPath, original.sha256);
    if (pdf !== original) await store.commit(pdf.tmpPath, pdf.sha256);
    if (normalized) await store.commit(normalized.tmpPath, normalized.sha256);

    return {
      original: { sha256: original.sha256, size: original.size, kind, name },
      pdf: {
        sha256: pdf.sha256,
        size: pdf.size,
        pageCount: inspection.pageCount,
        encrypted: inspection.encrypted,
        pageTexts: inspection.pageTexts,
        ...(inspection.title ? { title: inspection.title } : {}),
      },
      normalized: normalized ? { sha256: normalized.sha256, size: normalized.size } : null,
      ...(outcome.normalized ? {} : { normalizeError: outcome.reason }),
    };
  } finally {
    // Committed temps are gone already (renamed or dropped as duplicates); this removes everything else,
    // including the upload itself when it lived outside the store.
    await Promise.all([...temps, input.tmpPath].map((tmp) => rm(tmp, { force: true })));
  }
}
