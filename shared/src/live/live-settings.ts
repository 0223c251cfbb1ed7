import { z } from 'zod';
import type { QuorumRule } from './quorum.js';

/**
 * How one meeting's live room behaves, set by the secretary when preparing it: the quorum rule (Quy chế làm việc:
 * usually more than half of the members; two thirds for some decisions), the speaking time and when tablets may
 * check in.
 */
export const quorumRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('more_than_half') }),
  z
    .object({ kind: z.literal('at_least_fraction'), numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) })
    .refine((r) => r.numerator <= r.denominator, { message: 'Tỷ lệ không được lớn hơn 1.', path: ['numerator'] }),
  z.object({ kind: z.literal('at_least_count'), count: z.number().int().min(1).max(1000) }),
]);

export const liveSettingsSchema = z.object({
  quorumRule: quorumRuleSchema.default({ kind: 'more_than_half' }),
  /** Speaking time per turn (default 5 minutes). */
  speakingLimitSec: z.number().int().min(30).max(3600).default(300),
  /** The timer warns this long before the limit. */
  speakingWarnSec: z.number().int().min(0).max(600).default(30),
  /** Self check-in opens this many minutes before the start. */
  checkInOpensMinutes: z.number().int().min(0).max(24 * 60).default(60),
});
export type LiveSettings = z.output<typeof liveSettingsSchema>;
export type LiveSettingsInput = z.input<typeof liveSettingsSchema>;

export const DEFAULT_LIVE_SETTINGS: LiveSettings = liveSettingsSchema.parse({});

/** A meeting's stored settings with the defaults filled in (meetings saved before settings existed have none). */
export function resolveLiveSettings(stored: unknown): LiveSettings {
  const parsed = liveSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_LIVE_SETTINGS;
}

export function quorumRuleLabelVi(rule: QuorumRule): string {
  switch (rule.kind) {
    case 'more_than_half':
      return 'Quá nửa tổng số thành viên';
    case 'at_least_fraction':
      return rule.numerator * 3 === rule.denominator * 2 ? 'Ít nhất hai phần ba tổng số thành viên' : `Ít nhất ${rule.numerator}/${rule.denominator} tổng số thành viên`;
    case 'at_least_count':
      return `Ít nhất ${rule.count} thành viên`;
  }
}
