import type { LiveCommandName, MeetingRole, SystemRole } from '@phonghop/shared';

/**
 * Who may issue which live command, from the viewer's role in the meeting (null: not in it) and their system role.
 * Strangers never reach this (the meeting answers 404 to them); guests and the display only watch. Showing pages
 * is open to members here because the chair may designate one as presenter: the service checks that designation.
 */
export function canIssue(command: LiveCommandName, membership: { role: MeetingRole } | null, systemRole: SystemRole): boolean {
  const role = membership?.role ?? null;
  const officeSecretary = systemRole === 'secretary';
  switch (command) {
    case 'live:join':
    case 'live:sync':
      return role !== null || officeSecretary;
    case 'meeting:start':
    case 'meeting:pause':
    case 'meeting:resume':
    case 'meeting:end':
    case 'agenda:open-item':
    case 'presentation:set-presenter':
    case 'speaker:grant':
    case 'speaker:skip':
    case 'speaker:move':
    case 'speaker:end-turn':
    case 'speaker:pause-timer':
    case 'speaker:resume-timer':
    case 'speaker:add-minute':
      return role === 'chair';
    case 'presentation:go-to-page':
    case 'presentation:stop':
      return role === 'chair' || role === 'member';
    case 'attendance:mark':
      return role === 'chair' || role === 'secretary' || officeSecretary;
    case 'attendance:check-in':
      // one's own seat: everyone who sits in the meeting, not those who only watch
      return role === 'chair' || role === 'member' || role === 'secretary';
    case 'speaker:request':
    case 'speaker:withdraw':
      return role === 'chair' || role === 'member';
  }
}
