import type { z } from 'zod';
import type { AckCallback } from './ack.js';
import type { AnnotationServerEvents } from '../annotations/annotations.events.js';
import { liveCommandSchemas, type LiveCommandResults, type LiveServerEvents } from '../live/live.commands.js';
import { meetingCommandSchemas, type MeetingCommandResults, type MeetingServerEvents } from '../meetings/meetings.events.js';
import { voteCommandSchemas, type VoteCommandResults } from '../votes/votes.commands.js';
import { systemCommandSchemas, type SystemCommandResults, type SystemServerEvents } from './system.events.js';

/**
 * The socket contract, composed from the feature files. Every client→server event is a command with a zod
 * schema (the gateway validates with it) and an ack whose result type is declared beside it.
 */
export const commandSchemas = {
  ...systemCommandSchemas,
  ...meetingCommandSchemas,
  ...liveCommandSchemas,
  ...voteCommandSchemas,
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<K extends CommandName> = z.input<(typeof commandSchemas)[K]>;
export type CommandInput<K extends CommandName> = z.output<(typeof commandSchemas)[K]>;
export type CommandResults = SystemCommandResults & MeetingCommandResults & LiveCommandResults & VoteCommandResults;
export type CommandResult<K extends CommandName> = CommandResults[K];

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: AckCallback<CommandResult<K>>) => void;
};

export type ServerToClientEvents = SystemServerEvents & MeetingServerEvents & LiveServerEvents & AnnotationServerEvents;

/** Data the server keeps on each socket after the handshake. */
export interface SocketData {
  userId: string;
  sessionId: string;
  role: import('../auth/auth.schemas.js').SystemRole;
  fullName: string;
}
