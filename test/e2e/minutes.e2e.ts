import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { MeetingDto } from '@phonghop/shared';
import { BrowserApp, norm, OUTPUT, TABLET_LANDSCAPE, TABLET_PORTRAIT, tid } from '../support/browser.js';
import { demoMeeting, loginAll } from '../support/live-clients.js';
import { type ClientSocket, socketClient } from '../support/server-process.js';

/**
 * Acceptance (issue 7, points 2, 4 and 5): the minutes screens in real browsers. The demo meeting is run through
 * the real socket commands (attendance with one absence, item 1 opened, Nam speaks, an open vote passes). During
 * the meeting the secretary opens the minutes from the meeting page and sees the log's facts (Nam present, the
 * absence and its reason, item 1, the vote's result); types Nam's summary and the chair's conclusion; the autosave
 * says "Đã lưu"; after a reload the text is there; a second tab on the old version is refused (409) and offers a
 * reload; Nam cannot yet read the draft. The chair ends the meeting; the secretary brings the facts up to date (the
 * typed text stays) and submits. The chair shares the draft, on which Nam comments, then approves and signs:
 * "Chữ ký hợp lệ"; the PDF downloads (200, application/pdf); the conclusion notice shows its due date and the chair
 * gives Nam a task, which Nam finds under "Nhiệm vụ của tôi"; Nam downloads the signed PDF, whose signature the
 * server reports valid.
 */
const ABSENCE = 'Dự hội nghị tại Ủy ban nhân dân tỉnh';
const QUESTION = 'Thông qua Báo cáo tình hình kinh tế – xã hội tháng 11 năm 2026';
const CONCLUSION = 'Thống nhất thông qua báo cáo; giao Phòng Tài chính – Kế hoạch hoàn thiện số liệu thu ngân sách.';
const TASK = 'Hoàn thiện số liệu thu ngân sách quý IV, gửi Văn phòng trước ngày họp tháng 12';
const UNIT = 'Phòng Tài chính – Kế hoạch';
const SUMMARY = 'Đề nghị bổ sung số liệu thu ngân sách quý IV và giải pháp tháo gỡ vướng mắc giải phóng mặt bằng.';
const COMMENT = 'Đề nghị ghi rõ thời hạn hoàn thiện số liệu trong kết luận.';
const OTHER = 'Thống nhất lịch họp thường kỳ tháng 12 vào sáng thứ Ba tuần đầu tháng.';
const VI = {
  passed: 'Thông qua',
  valid: 'Chữ ký hợp lệ',
  submitted: 'Đã trình chủ trì',
  approved: 'Đã duyệt, đã ký số',
  notStarted: 'Chưa thực hiện',
  conflict: 'Biên bản vừa được người khác cập nhật',
  notShared: 'Biên bản đang được soạn thảo',
};

let app: BrowserApp;
let meetingId = '';
let items: string[] = [];
const ids: Record<string, string> = {};
let secretary: Page;
let chair: Page;
let nam: Page;
/** The room's sockets, kept open until the meeting is ended from the secretary's step. */
const sock: Record<string, ClientSocket> = {};

type Ack = { ok: true; voteId?: string; seq?: number } | { ok: false; code: string; message: string };

async function command(socket: ClientSocket, event: string, extra: Record<string, unknown> = {}): Promise<Ack> {
  const emit = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Ack> } };
  const ack = await emit.timeout(15_000).emitWithAck(event, { meetingId, idempotencyKey: randomUUID(), ...extra });
  if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
  return ack;
}

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'minutes', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 30_000, fullPageOnFailure: true });
}, 60_000);

afterAll(async () => {
  for (const socket of Object.values(sock)) socket.disconnect();
  await app?.close();
});

describe('the minutes of a meeting, end to end in the browser', () => {
  it('the demo meeting is run through the room’s commands', async () => {
    const url = app.server.url;
    const cookies = await loginAll(url, ['chutich', 'thuky', 'pct.nam', 'pct.lan', 'cvp.son']);
    const demo = await demoMeeting(url, cookies.chutich);
    meetingId = demo.id;
    items = demo.itemIds;
    const meeting = (await (await fetch(`${url}/api/meetings/${meetingId}`, { headers: { cookie: cookies.chutich } })).json()) as MeetingDto;
    for (const p of meeting.participants) ids[p.user.fullName] = p.user.id;
    for (const [who, cookie] of Object.entries(cookies)) sock[who] = socketClient(url, cookie);
    for (const name of ['Trần Văn Minh', 'Lê Hoàng Nam', 'Phạm Thị Lan', 'Bùi Thanh Sơn']) {
      await command(sock.thuky, 'attendance:mark', { userId: ids[name], state: 'present_in_person' });
    }
    await command(sock.thuky, 'attendance:mark', { userId: ids['Đặng Thị Mai'], state: 'absent', reason: ABSENCE });
    await command(sock.chutich, 'meeting:start');
    await command(sock.chutich, 'agenda:open-item', { itemId: items[0] });
    await command(sock['pct.nam'], 'speaker:request');
    await command(sock.chutich, 'speaker:grant', { userId: ids['Lê Hoàng Nam'] });
    await command(sock.chutich, 'speaker:end-turn');
    const { voteId } = (await command(sock.chutich, 'vote:create', {
      vote: { question: QUESTION, kind: 'open', rule: 'majority_of_present', agendaItemId: items[0] },
    })) as { voteId: string };
    await command(sock.chutich, 'vote:open', { voteId });
    for (const who of ['chutich', 'pct.nam', 'pct.lan', 'cvp.son']) await command(sock[who], 'vote:cast', { voteId, choices: ['yes'] });
    await command(sock.chutich, 'vote:close', { voteId });
    await command(sock.chutich, 'vote:publish', { voteId });
  }, 60_000);

  it('during the meeting the secretary sees the log’s facts and types text that autosaves and survives a reload; after the end, submits', async () => {
    await app.step(async () => {
      const context = await app.newContext(TABLET_LANDSCAPE);
      secretary = await app.personPage('secretary', 'thuky', context, `/cuoc-hop/${meetingId}`, '[data-testid="open-minutes"]');
      await tid(secretary, 'open-minutes').tap();
      await secretary.waitForURL(`**/cuoc-hop/${meetingId}/bien-ban`);
      const doc = tid(secretary, 'minutes-document');
      await doc.waitFor();

      const namRow = secretary.locator('[data-testid="minutes-person"]').filter({ hasText: 'Lê Hoàng Nam' });
      await expect(namRow.getAttribute('data-state')).resolves.toBe('present_in_person');
      const mai = secretary.locator('[data-testid="minutes-person"]').filter({ hasText: 'Đặng Thị Mai' });
      await expect(mai.getAttribute('data-state')).resolves.toBe('absent');
      expect(norm(await mai.innerText())).toContain(ABSENCE);

      const item = secretary.locator(`[data-testid="minutes-item"][data-item-id="${items[0]}"]`);
      expect(norm(await item.locator('h3').innerText())).toContain('Báo cáo tình hình kinh tế – xã hội tháng 11');
      expect(norm(await tid(item, 'minutes-turn').first().innerText())).toContain('Lê Hoàng Nam');
      const vote = tid(item, 'minutes-vote');
      expect(norm(await vote.innerText())).toContain(QUESTION);
      await expect(tid(vote, 'minutes-vote-result').getAttribute('data-outcome')).resolves.toBe('passed');
      expect(norm(await tid(vote, 'minutes-vote-result').innerText())).toContain(VI.passed);
      await expect(vote.locator('[data-testid="minutes-vote-option"][data-key="yes"]').getAttribute('data-count')).resolves.toBe('4');

      // during the meeting: the summary of Nam's turn
      await item.locator('[data-testid="note-field"][data-key^="turn:"]').first().fill(SUMMARY);
      const conclusion = item.locator(`[data-testid="note-field"][data-key="item:${items[0]}:conclusion"]`);
      await conclusion.fill(CONCLUSION);
      await secretary.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
      expect(norm(await tid(secretary, 'save-status').innerText())).toMatch(/^Đã lưu lúc \d{2}:\d{2}$/);

      await secretary.screenshot({ path: path.join(OUTPUT, 'minutes-secretary.png'), fullPage: true });
      await secretary.reload();
      await expect(secretary.locator(`[data-testid="note-field"][data-key="item:${items[0]}:conclusion"]`).inputValue()).resolves.toBe(CONCLUSION);

      // a second tab left open on the old version: its save is refused, it says so and offers the newer text
      const stale = await app.newPage('secretary-2', secretary.context());
      await stale.goto(`/cuoc-hop/${meetingId}/bien-ban`);
      const otherHere = secretary.locator('[data-testid="note-field"][data-key="other-business"]');
      const otherThere = stale.locator('[data-testid="note-field"][data-key="other-business"]');
      await otherThere.waitFor();
      await otherHere.fill(OTHER);
      await secretary.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
      await otherThere.fill('Nội dung gõ trên bản cũ');
      await tid(stale, 'save-conflict').waitFor();
      expect(norm(await tid(stale, 'save-conflict').innerText())).toContain(VI.conflict);
      await tid(stale, 'reload-minutes').tap();
      await expect(stale.locator('[data-testid="note-field"][data-key="other-business"]').inputValue()).resolves.toBe(OTHER);
      await stale.close();
      app.pages.delete('secretary-2');

      // Nam cannot read the draft the chair has not shared
      const namContext = await app.newContext(TABLET_PORTRAIT);
      nam = await app.personPage('nam', 'pct.nam', namContext, `/cuoc-hop/${meetingId}/bien-ban`, '.empty-state');
      expect(norm(await nam.locator('.empty-state').innerText())).toContain(VI.notShared);

      // the chair ends the meeting; the secretary brings the facts up to date, the typed text stays, and submits
      await command(sock.chutich, 'meeting:end');
      await expect(tid(secretary, 'submit-minutes').count()).resolves.toBe(0);
      await tid(secretary, 'refresh-facts').tap();
      await tid(secretary, 'submit-minutes').waitFor();
      expect(norm(await tid(secretary, 'minutes-times').innerText())).toContain('kết thúc lúc');
      await expect(secretary.locator('[data-testid="note-field"][data-key^="turn:"]').first().inputValue()).resolves.toBe(SUMMARY);
      await tid(secretary, 'submit-minutes').tap();
      await secretary.locator('[data-testid="minutes-status"][data-status="submitted"]').waitFor();
      expect(norm(await tid(secretary, 'minutes-status').innerText())).toBe(VI.submitted);
      await expect(tid(secretary, 'note-field').count()).resolves.toBe(0);
      expect(norm(await tid(secretary, 'minutes-document').innerText())).toContain(CONCLUSION);
      expect(norm(await tid(secretary, 'minutes-document').innerText())).toContain(OTHER);
      expect(norm(await tid(secretary, 'minutes-document').innerText())).toContain(SUMMARY);
    });
  }, 90_000);

  it('the chair shares the draft (Nam comments), approves and signs; the signature verifies and the PDF downloads', async () => {
    await app.step(async () => {
      const context = await app.newContext(TABLET_LANDSCAPE);
      chair = await app.personPage('chair', 'chutich', context, `/cuoc-hop/${meetingId}/bien-ban`, '[data-testid="approve-minutes"]');
      // the chair shares the draft: Nam reads it and comments
      // the box turns on once the server has recorded it
      await tid(chair, 'share-minutes').tap();
      await chair.locator('[data-testid="share-minutes"]:checked').waitFor();
      await nam.reload();
      await tid(nam, 'minutes-document').waitFor();
      expect(norm(await tid(nam, 'minutes-document').innerText())).toContain(CONCLUSION);
      await expect(tid(nam, 'note-field').count()).resolves.toBe(0);
      await tid(nam, 'comment-text').fill(COMMENT);
      await tid(nam, 'send-comment').tap();
      await tid(nam, 'minutes-comment').filter({ hasText: COMMENT }).waitFor();

      await tid(chair, 'approve-minutes').tap();
      await chair.locator('[data-testid="minutes-status"][data-status="approved"]').waitFor({ timeout: 60_000 });
      expect(norm(await tid(chair, 'minutes-status').innerText())).toBe(VI.approved);
      await chair.locator('[data-testid="signature-status"][data-valid="valid"]').waitFor();
      expect(norm(await tid(chair, 'signature-status').innerText())).toContain(VI.valid);

      // the network down: the download says so in Vietnamese (not the browser's TypeError), and works once it is back
      await chair.context().setOffline(true);
      await tid(chair, 'download-pdf').tap();
      await chair.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.' }).waitFor();
      await chair.context().setOffline(false);

      const [pdf, download] = await Promise.all([
        chair.waitForResponse((r) => r.url().endsWith(`/api/meetings/${meetingId}/minutes/pdf`)),
        chair.waitForEvent('download'),
        tid(chair, 'download-pdf').tap(),
      ]);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
      // the file the browser saved, under the name the server gave
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      expect(fs.readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  }, 120_000);

  it('the conclusion notice shows its due date; the chair gives Nam a task, which Nam finds among his tasks', async () => {
    await app.step(async () => {
      const notice = tid(chair, 'conclusion-notice');
      await tid(notice, 'notice-due').waitFor();
      expect(norm(await tid(notice, 'notice-due').innerText())).toMatch(/^Hạn ban hành thông báo kết luận: \d{2}\/\d{2}\/\d{4}/);
      expect(norm(await tid(notice, 'notice-conclusion').first().innerText())).toContain(CONCLUSION);

      await tid(notice, 'new-task').first().tap();
      const form = tid(chair, 'new-task-form');
      await tid(form, 'task-content').fill(TASK);
      await tid(form, 'task-lead-user').selectOption(ids['Lê Hoàng Nam']);
      await tid(form, 'task-lead-unit').fill(UNIT);
      const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await tid(form, 'task-deadline').fill(deadline);
      await tid(form, 'create-task').tap();
      const task = tid(notice, 'task').filter({ hasText: TASK });
      await task.waitFor();
      expect(norm(await tid(task, 'task-status').innerText())).toBe(VI.notStarted);
      expect(norm(await tid(task, 'task-unit').innerText())).toBe(UNIT);
      await chair.screenshot({ path: path.join(OUTPUT, 'minutes-chair.png'), fullPage: true });
      app.noPageErrors('secretary');
      app.noPageErrors('chair');
    });
  }, 60_000);

  it('Nam sees his task and downloads the signed PDF, which the server reports valid', async () => {
    await app.step(async () => {
      await nam.goto('/nhiem-vu');
      const task = tid(nam, 'task').filter({ hasText: TASK });
      await task.waitFor();
      await task.locator('[data-testid="task-progress"]').selectOption('in_progress');
      await tid(task, 'task-update').tap();
      await nam.locator('[data-testid="task"][data-status="in_progress"]').waitFor();

      await nam.goto(`/cuoc-hop/${meetingId}/bien-ban`);
      await nam.locator('[data-testid="signature-status"][data-valid="valid"]').waitFor();
      const [signed] = await Promise.all([nam.waitForResponse((r) => r.url().includes(`/minutes/signed.pdf`)), tid(nam, 'download-signed').tap()]);
      expect(signed.status()).toBe(200);
      expect(signed.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(signed.headers()['x-signature-valid']).toBe('true');
      app.noPageErrors('nam');
    });
  }, 60_000);
});
