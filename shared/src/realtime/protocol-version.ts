/** Bumped on any breaking change to the socket contract; the server tells clients its version on connect. */
export const PROTOCOL_VERSION = 1;
