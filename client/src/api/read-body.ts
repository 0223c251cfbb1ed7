/**
 * A response body read as a stream into a Blob, telling `onBytes` how much has arrived after each chunk, so a
 * download can show a progress bar (the meeting pack, the minutes' PDF and DOCX). Where the body cannot be
 * streamed, it is read whole and reported once.
 */
export async function readBodyWithProgress(res: Response, onBytes: (received: number) => void): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? undefined;
  const reader = res.body?.getReader();
  if (!reader) {
    const whole = await res.blob();
    onBytes(whole.size);
    return whole;
  }
  const chunks: BlobPart[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  return new Blob(chunks, { type });
}
