import type { SystemRole } from '../auth/auth.schemas.js';

/** Socket.IO room names, built in one place so server and tests agree. */
export const rooms = {
  everyone: 'all',
  user: (userId: string) => `user:${userId}`,
  role: (role: SystemRole) => `role:${role}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  /** One login's sockets, so a logout or password reset closes exactly them on every node. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
