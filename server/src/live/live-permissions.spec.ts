import { describe, expect, it } from '@jest/globals';
import { type LiveCommandName, liveCommandSchemas, type MeetingRole, type SystemRole } from '@phonghop/shared';
import { canIssue } from './live-permissions.js';

type Who = 'chair' | 'member' | 'secretary' | 'guest' | 'display' | 'officeSecretary' | 'none';
const WHO: Record<Who, [MeetingRole | null, SystemRole]> = {
  chair: ['chair', 'member'],
  member: ['member', 'member'],
  secretary: ['secretary', 'member'],
  guest: ['guest', 'member'],
  display: ['display', 'member'],
  officeSecretary: [null, 'secretary'],
  none: [null, 'member'],
};
const WHOS = Object.keys(WHO) as Who[];
const CHAIR_ONLY: Who[] = ['chair'];

const ALLOWED: Record<LiveCommandName, Who[]> = {
  'live:join': ['chair', 'member', 'secretary', 'guest', 'display', 'officeSecretary'],
  'live:sync': ['chair', 'member', 'secretary', 'guest', 'display', 'officeSecretary'],
  'meeting:start': CHAIR_ONLY,
  'meeting:pause': CHAIR_ONLY,
  'meeting:resume': CHAIR_ONLY,
  'meeting:end': CHAIR_ONLY,
  'agenda:open-item': CHAIR_ONLY,
  // members only once designated by the chair (checked by the service: live.gateway.spec.ts)
  'presentation:go-to-page': ['chair', 'member'],
  'presentation:stop': ['chair', 'member'],
  'presentation:set-presenter': CHAIR_ONLY,
  'attendance:check-in': ['chair', 'member', 'secretary'],
  'attendance:mark': ['chair', 'secretary', 'officeSecretary'],
  'speaker:request': ['chair', 'member'],
  'speaker:withdraw': ['chair', 'member'],
  'speaker:grant': CHAIR_ONLY,
  'speaker:skip': CHAIR_ONLY,
  'speaker:move': CHAIR_ONLY,
  'speaker:end-turn': CHAIR_ONLY,
  'speaker:pause-timer': CHAIR_ONLY,
  'speaker:resume-timer': CHAIR_ONLY,
  'speaker:add-minute': CHAIR_ONLY,
};

describe('canIssue', () => {
  it('covers every live command', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(liveCommandSchemas).sort());
  });

  const table = (Object.keys(ALLOWED) as LiveCommandName[]).flatMap((command) =>
    WHOS.map((who) => [command, who, ALLOWED[command].includes(who)] as const),
  );
  it.each(table)('%s by %s → %s', (command, who, expected) => {
    const [role, systemRole] = WHO[who];
    expect(canIssue(command, role === null ? null : { role }, systemRole)).toBe(expected);
  });

  it('lets guests and the display only watch', () => {
    for (const role of ['guest', 'display'] as const) {
      const allowed = (Object.keys(ALLOWED) as LiveCommandName[]).filter((c) => canIssue(c, { role }, 'member'));
      expect(allowed).toEqual(['live:join', 'live:sync']);
    }
  });
});
