import { useEffect, useState } from 'react';

/**
 * The server's clock in ms, re-read every `intervalMs`: the device clock corrected by the offset measured at join,
 * so every tablet and the projector show the same speaking time.
 */
export function useServerNow(offsetMs: number, intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now + offsetMs;
}
