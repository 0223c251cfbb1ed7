import { describe, expect, it } from '@jest/globals';
import { MEETING_STATUSES } from '@phonghop/shared';
import { acceptsRsvp, canTransition, isPreparable } from './meeting-status.js';

describe('meeting status', () => {
  it('follows draft → published → in progress → ended → archived', () => {
    expect(canTransition('draft', 'published')).toBe(true);
    expect(canTransition('published', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'ended')).toBe(true);
    expect(canTransition('ended', 'archived')).toBe(true);
  });

  it('cancels only before the meeting starts, and never undoes an ending', () => {
    expect(canTransition('draft', 'cancelled')).toBe(true);
    expect(canTransition('published', 'cancelled')).toBe(true);
    expect(canTransition('in_progress', 'cancelled')).toBe(false);
    expect(canTransition('ended', 'in_progress')).toBe(false);
    for (const s of MEETING_STATUSES) expect(canTransition('cancelled', s)).toBe(false);
  });

  it('keeps preparation open until the end and RSVP open only while published', () => {
    expect(isPreparable('in_progress')).toBe(true);
    expect(isPreparable('ended')).toBe(false);
    expect(acceptsRsvp('published')).toBe(true);
    expect(acceptsRsvp('draft')).toBe(false);
  });
});
