/** Progress and figures of a vote as the screens write them; pure, so the chair, tablets and projector agree. */

export interface VoteProgress {
  cast: number;
  eligible: number;
  /** cast / eligible in percent, 0–100 (0 when nobody may vote): the width of the bar. */
  percent: number;
  complete: boolean;
}

/** "Đã biểu quyết 3/5": ballots against the members who may vote (fixed at opening, plus late admissions). */
export function voteProgress(vote: { castCount: number; eligible: readonly string[] }): VoteProgress {
  const eligible = vote.eligible.length;
  const cast = Math.min(vote.castCount, eligible);
  const percent = eligible === 0 ? 0 : Math.min(100, (cast * 100) / eligible);
  return { cast, eligible, percent, complete: eligible > 0 && cast >= eligible };
}

/**
 * A percentage as the tally gave it (already rounded to 2 decimals), in the language's notation: "66,67%" in
 * Vietnamese, "66.67%" in English; whole numbers without decimals ("50%").
 */
export function formatPercent(value: number, language: string): string {
  const locale = language.startsWith('vi') ? 'vi-VN' : 'en-GB';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(value)}%`;
}

/** The width of a result bar, in percent: never negative, never past the end. */
export function barWidth(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return Math.min(100, percent);
}

/** Seconds left until `closesAt` by the server's clock (never negative); null without a countdown. */
export function secondsLeft(closesAt: string | null, serverNowMs: number): number | null {
  if (closesAt === null) return null;
  const end = Date.parse(closesAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - serverNowMs) / 1000));
}

/** mm:ss, as on the speaking timer ("01:05"); an hour or more as h:mm:ss. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}
