import type { AgendaDto, DirectoryEntryDto, MeetingDto, UserDto } from '@phonghop/shared';
import { DEMO_PASSWORD, login } from './server-process.js';

/**
 * The room a vote burst needs, built through the real API as the people who run the system would: the admin creates
 * N member accounts, the secretary a meeting with the demo chair and those N members, the chair approves the agenda,
 * the secretary publishes; then every voter logs in. TypeScript twin of bench/lib/vote-room.mjs (keep them alike).
 * argon2 makes account creation and login slow on purpose (≈ 50–100 ms each here): both run in a bounded pool.
 */
export const VOTER_PASSWORD = 'Bieuquyet@2026';
export const CHAIR = 'chutich';
export const SECRETARY = 'thuky';

export interface VoterAccount {
  username: string;
  id: string;
}

export interface StaffCookies {
  admin: string;
  secretary: string;
  chair: string;
}

export interface VoteMeeting {
  meetingId: string;
  itemId: string;
  chairId: string;
}

/** Runs `work(i)` for i in 0..n-1, at most `concurrency` at a time; resolves with the results in order. */
export async function pool<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) out[i] = await work(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return out;
}

export async function api<T>(url: string, method: string, path: string, cookie: string, body?: unknown, expected = 200): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Voter accounts `${prefix}001…` (system role member), created by the admin. */
export function createVoters(url: string, adminCookie: string, count: number, { prefix = 'cutri', from = 0, concurrency = 4 } = {}): Promise<VoterAccount[]> {
  return pool(count, concurrency, async (i) => {
    const n = String(from + i + 1).padStart(3, '0');
    const username = `${prefix}${n}`;
    const body = { username, fullName: `Đại biểu ${n}`, position: 'Đại biểu', unit: 'HĐND huyện', role: 'member', password: VOTER_PASSWORD };
    const user = await api<UserDto>(url, 'POST', '/api/users', adminCookie, body, 201);
    return { username, id: user.id };
  });
}

/** A published meeting today chaired by the demo chair, with `voters` as members and one agenda item. */
export async function createVoteMeeting(url: string, staff: StaffCookies, voters: readonly VoterAccount[], { title = 'Kỳ họp biểu quyết', concurrency = 4 } = {}): Promise<VoteMeeting> {
  const { secretary, chair } = staff;
  const day = new Date().toISOString().slice(0, 10);
  const meeting = await api<MeetingDto>(
    url,
    'POST',
    '/api/meetings',
    secretary,
    { title, kind: 'regular', startsAt: `${day}T00:00:00Z`, endsAt: `${day}T23:00:00Z`, location: 'Hội trường', organizer: 'HĐND huyện' },
    201,
  );
  const directory = await api<DirectoryEntryDto[]>(url, 'GET', '/api/users/directory', secretary);
  const chairId = directory.find((u) => u.username === CHAIR)?.id;
  if (!chairId) throw new Error(`no account ${CHAIR}`);
  const seat = (userId: string, role: string) => api<MeetingDto>(url, 'POST', `/api/meetings/${meeting.id}/participants`, secretary, { userId, role }, 201);
  await seat(chairId, 'chair');
  await pool(voters.length, concurrency, (i) => seat(voters[i].id, 'member'));
  const agenda = await api<AgendaDto>(url, 'POST', `/api/meetings/${meeting.id}/agenda/items`, secretary, { title: 'Biểu quyết các nghị quyết' }, 201);
  await api(url, 'POST', `/api/meetings/${meeting.id}/agenda/approve`, chair);
  await api(url, 'POST', `/api/meetings/${meeting.id}/publish`, secretary, { acknowledgeShortNotice: true });
  return { meetingId: meeting.id, itemId: agenda.items[0].id, chairId };
}

/** Cookie of each voter, in order (one session each: a tablet per member). */
export function loginVoters(url: string, voters: readonly VoterAccount[], { concurrency = 4 } = {}): Promise<string[]> {
  return pool(voters.length, concurrency, (i) => login(url, voters[i].username, VOTER_PASSWORD));
}

/** The admin's, secretary's and chair's cookies (demo accounts). */
export async function staffCookies(url: string): Promise<StaffCookies> {
  return { admin: await login(url, 'admin', DEMO_PASSWORD), secretary: await login(url, SECRETARY, DEMO_PASSWORD), chair: await login(url, CHAIR, DEMO_PASSWORD) };
}
