import { useState } from 'react';

export type UploadPhase = { kind: 'idle' } | { kind: 'sending'; percent: number } | { kind: 'processing' } | { kind: 'error'; error: unknown };

/** Tracks one upload: bytes on the wire, then the server's check/conversion, then done or failed. */
export function useUpload() {
  const [phase, setPhase] = useState<UploadPhase>({ kind: 'idle' });
  const run = async <T,>(send: (onProgress: (fraction: number) => void) => Promise<T>): Promise<T | null> => {
    setPhase({ kind: 'sending', percent: 0 });
    try {
      const result = await send((f) => setPhase(f >= 1 ? { kind: 'processing' } : { kind: 'sending', percent: f * 100 }));
      setPhase({ kind: 'idle' });
      return result;
    } catch (error) {
      setPhase({ kind: 'error', error });
      return null;
    }
  };
  return { phase, run, busy: phase.kind === 'sending' || phase.kind === 'processing', reset: () => setPhase({ kind: 'idle' }) };
}
