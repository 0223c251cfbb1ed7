// The room a vote burst needs, built through the real API as the people who run the system would: the admin creates
// N member accounts, the secretary a meeting with the demo chair and those N members, the chair approves the agenda,
// the secretary publishes; then every voter logs in. Plain-JS twin of test/support/vote-room.ts (keep them alike).
// argon2 makes account creation and login slow on purpose (≈ 50–100 ms each here): both run in a bounded pool.
import { DEMO_PASSWORD, login } from './server.mjs';

export const VOTER_PASSWORD = 'Bieuquyet@2026';
export const CHAIR = 'chutich';
export const SECRETARY = 'thuky';

/** Runs `work(i)` for i in 0..n-1, at most `concurrency` at a time; resolves with the results in order. */
export async function pool(n, concurrency, work) {
  const out = new Array(n);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) out[i] = await work(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return out;
}

async function api(url, method, path, cookie, body, expected = 200) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Voter accounts `${prefix}001…` (system role member), created by the admin; returns [{ username, id }]. */
export function createVoters(url, adminCookie, count, { prefix = 'cutri', from = 0, concurrency = 4 } = {}) {
  return pool(count, concurrency, async (i) => {
    const n = String(from + i + 1).padStart(3, '0');
    const username = `${prefix}${n}`;
    const user = await api(url, 'POST', '/api/users', adminCookie, { username, fullName: `Đại biểu ${n}`, position: 'Đại biểu', unit: 'HĐND huyện', role: 'member', password: VOTER_PASSWORD }, 201);
    return { username, id: user.id };
  });
}

/** A published meeting today chaired by the demo chair, with `voters` as members and one agenda item. */
export async function createVoteMeeting(url, { secretary, chair }, voters, { title = 'Kỳ họp biểu quyết', concurrency = 4 } = {}) {
  const day = new Date().toISOString().slice(0, 10);
  const meeting = await api(url, 'POST', '/api/meetings', secretary, { title, kind: 'regular', startsAt: `${day}T00:00:00Z`, endsAt: `${day}T23:00:00Z`, location: 'Hội trường', organizer: 'HĐND huyện' }, 201);
  const directory = await api(url, 'GET', '/api/users/directory', secretary);
  const chairId = directory.find((u) => u.username === CHAIR)?.id;
  await api(url, 'POST', `/api/meetings/${meeting.id}/participants`, secretary, { userId: chairId, role: 'chair' }, 201);
  await pool(voters.length, concurrency, (i) => api(url, 'POST', `/api/meetings/${meeting.id}/participants`, secretary, { userId: voters[i].id, role: 'member' }, 201));
  const agenda = await api(url, 'POST', `/api/meetings/${meeting.id}/agenda/items`, secretary, { title: 'Biểu quyết các nghị quyết' }, 201);
  await api(url, 'POST', `/api/meetings/${meeting.id}/agenda/approve`, chair);
  await api(url, 'POST', `/api/meetings/${meeting.id}/publish`, secretary, { acknowledgeShortNotice: true });
  return { meetingId: meeting.id, itemId: agenda.items[0].id, chairId };
}

/** Cookie of each voter, in order (one session each: a tablet per member). */
export function loginVoters(url, voters, { concurrency = 4 } = {}) {
  return pool(voters.length, concurrency, (i) => login(url, voters[i].username, VOTER_PASSWORD));
}

/** The admin's, secretary's and chair's cookies (demo accounts). */
export async function staffCookies(url) {
  return { admin: await login(url, 'admin', DEMO_PASSWORD), secretary: await login(url, SECRETARY, DEMO_PASSWORD), chair: await login(url, CHAIR, DEMO_PASSWORD) };
}
