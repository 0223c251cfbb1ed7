/**
 * How a tablet's socket retries after a drop or a server restart. A meeting room's LAN: every tablet should be
 * back within 2 s of the server (bench `reconnect`), and a tablet waiting out the server's restart retries at most
 * `reconnectionDelayMax` after it is back, so that cap, not the server's work, sets the floor: 1 s (a refused
 * connection on a LAN costs the server next to nothing, even from 500 tablets a second). The randomisation spreads
 * the tablets' retries over each interval. Shared so the benchmark measures exactly what the app does.
 */
export const SOCKET_RECONNECT_OPTIONS = {
  reconnectionDelay: 300,
  reconnectionDelayMax: 1000,
  randomizationFactor: 0.5,
} as const;
