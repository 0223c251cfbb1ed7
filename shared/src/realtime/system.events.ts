import { z } from 'zod';

/** Commands and facts that belong to no feature: liveness and the admin's announcement to everyone. */
export const systemCommandSchemas = {
  'session:ping': z.object({ clientTime: z.number().finite() }),
  'system:announce': z.object({
    message: z.string().trim().min(1, 'Vui lòng nhập nội dung thông báo.').max(500, 'Thông báo tối đa 500 ký tự.'),
  }),
} as const;

export interface SystemCommandResults {
  'session:ping': { serverTime: string; clientTime: number };
  'system:announce': { deliveredAt: string };
}

export interface WelcomeEvent {
  protocolVersion: number;
  userId: string;
  serverTime: string;
  node: string;
}

export interface AnnouncementEvent {
  message: string;
  fromName: string;
  at: string;
}

export interface SessionRevokedEvent {
  reason: 'logout' | 'password-changed' | 'password-reset' | 'account-disabled';
}

export interface SystemServerEvents {
  'session:welcomed': (event: WelcomeEvent) => void;
  'session:revoked': (event: SessionRevokedEvent) => void;
  'system:announced': (event: AnnouncementEvent) => void;
}
