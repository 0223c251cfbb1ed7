import { z } from 'zod';
import type { PersonRef } from '../meetings/meeting.schemas.js';

const day = z.iso.date({ message: 'Ngày không hợp lệ (YYYY-MM-DD).' });

/** GET /api/live/speaking-stats: turns and speaking time per member across meetings, in a date range (Vietnam days). */
export const speakingStatsQuerySchema = z.object({ from: day.optional(), to: day.optional() });
export type SpeakingStatsQuery = z.input<typeof speakingStatsQuerySchema>;

export interface SpeakingStatsRowDto {
  user: PersonRef;
  turns: number;
  totalMs: number;
  meetings: number;
}
