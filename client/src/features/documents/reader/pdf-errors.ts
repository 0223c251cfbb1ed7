/**
 * Why a document could not be opened, from what pdf.js (or our fetch) threw: each kind has its own Vietnamese
 * message and its own advice (a password is the secretary's to remove; a damaged file needs re-uploading).
 */
export type PdfProblem = 'password' | 'damaged' | 'denied' | 'missing' | 'network' | 'unknown';

export function classifyPdfError(error: unknown): PdfProblem {
  const e = error as { name?: unknown; status?: unknown; message?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const status = typeof e?.status === 'number' ? e.status : null;
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException' || name === 'FormatError') return 'damaged';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404 || status === 410) return 'missing';
  if (name === 'ResponseException' || name === 'UnexpectedResponseException' || name === 'MissingPDFException' || name === 'TypeError') {
    return status !== null && status >= 400 && status < 500 ? 'missing' : 'network';
  }
  // A failed fetch reaches us wrapped by pdf.js's worker (UnknownErrorException) with only the browser's message.
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/failed to fetch|networkerror|network error|load failed|err_internet_disconnected|err_network/i.test(message)) return 'network';
  return 'unknown';
}
