/**
 * How a tablet's socket retries after a drop or a server restart. A meeting room's LAN: every tablet should be
 * back within ~2 s (bench `reconnect`); the randomisation spreads a few hundred tablets' retries over each interval.
 * Shared so the benchmark measures exactly what the app does.
 */
export const SOCKET_RECONNECT_OPTIONS = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 2000,
  randomizationFactor: 0.5,
} as const;
