import { describe, expect, it } from '@jest/globals';
import { decideLoginThrottle } from './login-throttle.js';

const policy = { maxFailures: 9, windowMs: 60_000 };
const now = new Date('2026-12-01T02:00:00.000Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe('decideLoginThrottle', () => {
  it('allows attempts while fewer than the limit failed inside the window', () => {
    const eight = Array.from({ length: 8 }, (_, i) => ago(i + 1));
    expect(decideLoginThrottle(eight, now, policy)).toEqual({ allowed: true });
  });

  it('throttles the tenth attempt after nine failures in a minute', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ago(50 - i));
    expect(decideLoginThrottle(nine, now, policy)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('ignores failures older than the window', () => {
    const old = Array.from({ length: 20 }, (_, i) => ago(61 + i));
    expect(decideLoginThrottle(old, now, policy)).toEqual({ allowed: true });
  });

  it('frees the window when the oldest counted failure ages out', () => {
    const failures = [...Array.from({ length: 9 }, (_, i) => ago(59 - i)), ago(10)];
    const decision = decideLoginThrottle(failures, now, policy);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('ignores failures stamped in the future (clock skew between nodes)', () => {
    const future = Array.from({ length: 9 }, () => new Date(now.getTime() + 5_000));
    expect(decideLoginThrottle(future, now, policy)).toEqual({ allowed: true });
  });
});
