export interface ThrottlePolicy {
  /** Wrong passwords allowed inside the window; the next attempt is refused without checking the password. */
  maxFailures: number;
  windowMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Pure rule: with `maxFailures` = 9 and a one-minute window, nine wrong passwords are answered normally and the
 * tenth attempt inside the minute is throttled until the oldest counted failure leaves the window.
 */
export function decideLoginThrottle(failures: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const since = now.getTime() - policy.windowMs;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > since && t <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < policy.maxFailures) return { allowed: true };
  // The window frees up when enough of the oldest failures have aged out to drop below the limit.
  const freeingFailure = recent[recent.length - policy.maxFailures];
  const retryAfterMs = freeingFailure + policy.windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
