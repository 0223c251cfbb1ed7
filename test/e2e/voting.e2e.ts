import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Page, WebSocketRoute } from 'playwright-core';
import type { MeetingDto } from '@phonghop/shared';
import { BrowserApp, norm, OUTPUT, TABLET_LANDSCAPE, TABLET_PORTRAIT, tid } from '../support/browser.js';
import { DEMO_TITLE, waitFor } from '../support/live-clients.js';

/**
 * Acceptance (issue 5): a secret vote in real browsers. Five voting seats are present (the chair and Nam, Lan, Sơn
 * on their tablets, Bảo marked present by the chair; Mai and Tâm marked absent with a reason). The chair opens a
 * secret vote on item 2; three members vote on their tablets, each through the confirmation step; the chair and the
 * projector show "Đã biểu quyết 3/5" and no choice anywhere. Nam's phone, whose pushes from the server are held
 * back (a tablet on a slow Wi-Fi), still offers the ballot: his second ballot is refused by the server with its
 * Vietnamese message, and nothing changes. The chair closes (the result is the chair's until published), then
 * publishes: the chair, the three tablets and the projector show the result with counts and percentages.
 *
 * One built app (server + a private copy of client/dist, fresh SQLite with the demo meeting), one Chromium, one
 * browser context per device. The steps share state and run in order.
 */
const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

const QUESTION = 'Thông qua dự thảo Kế hoạch cải cách hành chính năm 2027 của huyện';
const VI = {
  confirm: (choice: string) => `Xác nhận biểu quyết: ${choice}?`,
  voted: 'Bạn đã biểu quyết',
  yourChoice: (choice: string) => `Lựa chọn của bạn: ${choice}`,
  progress: (cast: number, eligible: number) => `Đã biểu quyết ${cast}/${eligible}`,
  secretKind: 'Bỏ phiếu kín',
  alreadyCast: 'Bạn đã biểu quyết, không thể bỏ phiếu lại.',
  waiting: 'Đã kết thúc biểu quyết. Đang chờ chủ trì công bố kết quả.',
  passed: 'Thông qua',
  absentReason: 'Đi công tác theo kế hoạch của Ủy ban nhân dân tỉnh',
  noRecordSecret: 'Bỏ phiếu kín: mỗi thành viên tự bỏ phiếu trên máy tính bảng, thư ký không ghi nhận hộ.',
  rejected: 'Không thông qua',
  recorded: 'thư ký ghi nhận',
};
const PLANS_QUESTION = 'Chọn tối đa hai phương án bố trí phòng họp không giấy tại các xã';
const PLANS = ['Phương án 1: tại hội trường xã', 'Phương án 2: tại phòng họp Ủy ban', 'Phương án 3: kết hợp trực tuyến'];
const CANCEL_REASON = 'Cần lấy thêm ý kiến của Phòng Tài chính – Kế hoạch';
const NAMED_DRAFT = 'Đề nghị bổ sung kinh phí số hóa hồ sơ (dự thảo)';
const NAMED_QUESTION = 'Thống nhất đề nghị bổ sung 1,2 tỷ đồng kinh phí số hóa hồ sơ năm 2027';
/** The tally of 2 Đồng ý, 1 Không đồng ý under "quá nửa số phiếu biểu quyết": 2 of 3 ballots. */
const EXPECTED = [
  { key: 'yes', count: 2, text: ['Đồng ý', '2 phiếu', '66,67%'] },
  { key: 'no', count: 1, text: ['Không đồng ý', '1 phiếu', '33,33%'] },
  { key: 'abstain', count: 0, text: ['Không biểu quyết', '0 phiếu', '0%'] },
];

let app: BrowserApp;

let meetingId = '';
const ids: Record<string, string> = {};
let chair: Page;
let nam: Page;
let lan: Page;
let son: Page;
let projector: Page;
/** Nam's second device: its socket's pushes can be held back (see phoneLink). */
let namPhone: Page;
let secretary: Page;
const phoneLink = { open: false, holding: false, held: [] as string[], route: null as WebSocketRoute | null };

beforeAll(async () => {
  // generous timeouts: CI machines are 2 cores, shared
  app = await BrowserApp.start({ name: 'voting', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 30_000, fullPageOnFailure: true });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** A member votes on the tablet: the option, the confirmation ("Xác nhận biểu quyết: …?"), Xác nhận, "Bạn đã biểu quyết". */
async function vote(page: Page, key: string, label: string): Promise<void> {
  const card = tid(page, 'member-vote');
  await card.locator(`[data-testid="ballot-option"][data-key="${key}"]`).tap();
  expect(norm(await tid(card, 'ballot-confirm-text').innerText())).toBe(VI.confirm(label));
  await tid(card, 'ballot-confirm').tap();
  await card.locator('[data-testid="ballot-card"][data-state="voted"]').waitFor();
  expect(norm(await tid(card, 'ballot-voted').innerText())).toContain(VI.voted);
  expect(norm(await tid(card, 'my-choice').innerText())).toContain(VI.yourChoice(label));
}

/** What the screen shows of the open vote's figures: no result, no per-option count, no running counts. */
async function showsNoChoices(page: Page): Promise<void> {
  for (const id of ['vote-result', 'vote-option-count', 'vote-option-percent', 'vote-live-counts']) {
    await expect(tid(page, id).count()).resolves.toBe(0);
  }
}

async function showsResult(who: string, page: Page): Promise<void> {
  const result = page.locator('[data-testid="vote-result"][data-outcome="passed"]');
  await result.waitFor();
  expect({ who, outcome: norm(await tid(result, 'vote-outcome').innerText()) }).toEqual({ who, outcome: VI.passed });
  for (const option of EXPECTED) {
    const row = result.locator(`[data-testid="vote-result-option"][data-key="${option.key}"]`);
    expect({ who, key: option.key, count: await row.getAttribute('data-count') }).toEqual({ who, key: option.key, count: String(option.count) });
    const text = norm(await row.innerText());
    for (const part of option.text) expect({ who, key: option.key, text }).toEqual({ who, key: option.key, text: expect.stringContaining(part) });
  }
}

/** Every screen as it is now: test/output/<prefix>-<who>.png (the tablets whole, the projector as the wall shows it). */
async function screenshots(prefix: string): Promise<void> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const screens = { chair, 'member-nam': nam, 'member-lan': lan, 'member-son': son, 'nam-phone': namPhone, secretary, projector };
  for (const [who, page] of Object.entries(screens)) {
    const file = path.join(OUTPUT, `${prefix}-${who}.png`);
    await page.screenshot({ path: file, fullPage: who !== 'projector' });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }
}

describe('a secret vote, end to end in the browser', () => {
  it('the chair, three members, Nam’s phone and the projector join the demo meeting’s room', async () => {
    await app.step(async () => {
      const chairContext = await app.newContext(TABLET_LANDSCAPE);
      chair = await app.personPage('chair', 'chutich', chairContext, '/', '[data-testid="logout"]');
      await chair.locator('[data-testid="meeting-card"]').filter({ hasText: DEMO_TITLE }).tap();
      await chair.waitForURL(/\/cuoc-hop\/[0-9a-f-]{36}$/);
      meetingId = new URL(chair.url()).pathname.split('/')[2];
      await tid(chair, 'enter-live-room').tap();
      await tid(chair, 'chair-screen').waitFor();

      const meeting = (await (await chair.request.get(`/api/meetings/${meetingId}`)).json()) as MeetingDto;
      for (const p of meeting.participants) ids[p.user.fullName] = p.user.id;
      for (const name of ['Trần Văn Minh', 'Lê Hoàng Nam', 'Phạm Thị Lan', 'Bùi Thanh Sơn', 'Võ Quốc Bảo', 'Đặng Thị Mai', 'Huỳnh Văn Tâm']) {
        expect({ name, id: ids[name] }).toEqual({ name, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      }

      // Nam's phone: every socket frame passes through here, so the test can hold the server's pushes back.
      const phoneContext = await app.newContext(PHONE);
      await phoneContext.routeWebSocket(/\/socket\.io\//, (ws) => {
        const upstream = ws.connectToServer();
        phoneLink.route = ws;
        phoneLink.open = true;
        ws.onMessage((m) => upstream.send(m));
        upstream.onMessage((m) => {
          if (phoneLink.holding && typeof m === 'string' && m.startsWith('42["live:event"')) phoneLink.held.push(m);
          else ws.send(m);
        });
      });

      const room = `/cuoc-hop/${meetingId}/phong-hop`;
      [nam, lan, son, namPhone, secretary, projector] = await Promise.all([
        app.personPage('nam', 'pct.nam', await app.newContext(TABLET_PORTRAIT), room, '[data-testid="member-screen"]'),
        app.personPage('lan', 'pct.lan', await app.newContext(TABLET_PORTRAIT), room, '[data-testid="member-screen"]'),
        app.personPage('son', 'cvp.son', await app.newContext(TABLET_PORTRAIT), room, '[data-testid="member-screen"]'),
        app.personPage('nam-phone', 'pct.nam', phoneContext, room, '[data-testid="member-screen"]'),
        app.personPage('secretary', 'thuky', await app.newContext(TABLET_LANDSCAPE), room, '[data-testid="member-screen"] [data-testid="vote-panel"]'),
        app.personPage('projector', 'maychieu', await app.newContext(TABLET_LANDSCAPE), `/cuoc-hop/${meetingId}/man-chieu`, '[data-testid="projector"] [data-testid="live-status"]'),
      ]);
      for (const page of [chair, nam, lan, son, namPhone, secretary]) await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor();
      // No vote yet: nothing on the tablets, the chair's panel says so.
      await expect(tid(nam, 'member-vote').count()).resolves.toBe(0);
      await tid(chair, 'votes-empty').waitFor();
    });
  }, 240_000);

  it('the chair starts the meeting; five voting seats are present, two absent with a reason', async () => {
    await app.step(async () => {
      await tid(chair, 'meeting-start').tap();
      for (const page of [chair, nam, lan, son, projector]) await page.locator('[data-testid="live-status"][data-status="in_progress"]').first().waitFor();

      for (const member of [nam, lan, son]) {
        await tid(member, 'check-in-button').tap();
        await member.locator('[data-testid="check-in"][data-state="present_in_person"]').waitFor();
      }
      const row = (name: string) => chair.locator(`[data-testid="attendance-row"][data-user-id="${ids[name]}"]`);
      for (const name of ['Trần Văn Minh', 'Võ Quốc Bảo']) {
        await tid(row(name), 'mark-present').tap();
        await chair.locator(`[data-testid="attendance-row"][data-user-id="${ids[name]}"][data-state="present_in_person"]`).waitFor();
      }
      for (const name of ['Đặng Thị Mai', 'Huỳnh Văn Tâm']) {
        await tid(row(name), 'mark-other').tap();
        const form = tid(chair, 'mark-attendance-form');
        await form.locator('input[name="attendanceState"][value="absent"]').check();
        await form.locator('textarea[name="absenceReason"]').fill(VI.absentReason);
        await tid(form, 'save-attendance').tap();
        await chair.locator(`[data-testid="attendance-row"][data-user-id="${ids[name]}"][data-state="absent"]`).waitFor();
      }
      // 5 of 7 voting seats: the quorum (more than half) is met.
      await chair.locator('.live-header [data-testid="quorum"][data-present="5"][data-met="true"]').waitFor();

      await chair.locator('[data-testid="live-agenda-item"][data-number="2"]').tap();
      for (const page of [chair, nam, projector]) await page.locator('[data-testid="live-current-item"][data-number="2"]').first().waitFor();
    });
  }, 180_000);

  it('the chair opens a secret vote on item 2: every tablet shows the ballot, the projector the question and 0/5', async () => {
    await app.step(async () => {
      await tid(chair, 'vote-create').tap();
      const form = tid(chair, 'vote-form');
      await tid(form, 'vote-question-input').fill(QUESTION);
      await tid(form, 'vote-kind-secret').check();
      await tid(form, 'vote-rule').selectOption('majority_of_cast');
      expect(await tid(form, 'vote-options-default').isChecked()).toBe(true);
      await tid(form, 'vote-save-open').tap();

      const current = chair.locator('[data-testid="vote-current"][data-status="open"]');
      await current.waitFor();
      expect(norm(await tid(current, 'vote-question').innerText())).toBe(QUESTION);
      expect(norm(await tid(current, 'vote-kind').innerText())).toBe(VI.secretKind);
      expect(norm(await tid(current, 'vote-progress').innerText())).toBe(VI.progress(0, 5));
      // A secret vote: the chair is not shown who has not voted yet.
      await expect(tid(current, 'not-voted').count()).resolves.toBe(0);

      for (const member of [nam, lan, son, namPhone]) {
        const card = member.locator('[data-testid="member-vote"][data-status="open"]');
        await card.waitFor();
        expect(norm(await tid(card, 'vote-question').innerText())).toBe(QUESTION);
        await card.locator('[data-testid="ballot-card"][data-state="choose"]').waitFor();
        const options = await card.locator('[data-testid="ballot-option"]').allInnerTexts();
        expect(options.map(norm)).toEqual(['Đồng ý', 'Không đồng ý', 'Không biểu quyết']);
      }
      const wall = projector.locator('[data-testid="projector-vote"][data-status="open"]');
      await wall.waitFor();
      expect(norm(await tid(wall, 'vote-question').innerText())).toBe(QUESTION);
      expect(norm(await tid(wall, 'vote-progress').innerText())).toBe(VI.progress(0, 5));
      await showsNoChoices(projector);
    });
  }, 240_000);

  it('three members vote on their tablets through the confirmation; the chair and the projector show 3/5 and no choice', async () => {
    await app.step(async () => {
      // From here on Nam's phone hears nothing from the room (it still sends and gets its answers).
      await waitFor('Nam’s phone on a WebSocket', () => phoneLink.open, 30_000);
      phoneLink.holding = true;

      await vote(nam, 'yes', 'Đồng ý');
      fs.mkdirSync(OUTPUT, { recursive: true });
      // Lan first picks "Không đồng ý", then goes back ("Chọn lại") and votes "Đồng ý".
      const lanCard = tid(lan, 'member-vote');
      await lanCard.locator('[data-testid="ballot-option"][data-key="no"]').tap();
      expect(norm(await tid(lanCard, 'ballot-confirm-text').innerText())).toBe(VI.confirm('Không đồng ý'));
      await lan.screenshot({ path: path.join(OUTPUT, 'voting-member-confirm.png') });
      await tid(lanCard, 'ballot-back').tap();
      await lanCard.locator('[data-testid="ballot-card"][data-state="choose"]').waitFor();
      await vote(lan, 'yes', 'Đồng ý');
      await vote(son, 'no', 'Không đồng ý');

      for (const page of [chair, projector, nam, lan, son]) await page.locator('[data-testid="vote-progress"][data-cast="3"][data-eligible="5"]').first().waitFor();
      expect(norm(await tid(chair.locator('[data-testid="vote-current"]'), 'vote-progress').innerText())).toBe(VI.progress(3, 5));
      expect(norm(await tid(projector.locator('[data-testid="projector-vote"]'), 'vote-progress').innerText())).toBe(VI.progress(3, 5));

      // No choice anywhere but on each voter's own tablet: no counts on the chair's screen or the wall.
      await showsNoChoices(chair);
      await showsNoChoices(projector);
      const wallText = norm(await tid(projector, 'projector').innerText());
      for (const label of ['Đồng ý', 'Không đồng ý', 'Không biểu quyết']) expect({ label, shown: wallText.includes(label) }).toEqual({ label, shown: false });
      expect(norm(await tid(chair, 'vote-current').innerText())).not.toMatch(/\d+ phiếu|\d+(,\d+)?%/);
      // The secretary follows the progress, and cannot record a secret ballot.
      const running = secretary.locator('[data-testid="vote-panel"] [data-testid="running-vote"]');
      await running.locator('[data-testid="vote-progress"][data-cast="3"]').waitFor();
      await expect(tid(running, 'record-ballot').count()).resolves.toBe(0);
      expect(norm(await running.innerText())).toContain(VI.noRecordSecret);
      await showsNoChoices(secretary);
      await chair.screenshot({ path: path.join(OUTPUT, 'voting-chair-open.png'), fullPage: true });
      await projector.screenshot({ path: path.join(OUTPUT, 'voting-projector-open.png') });
    });
  }, 240_000);

  it('a second ballot by Nam, from his phone that still offers the ballot, is refused in Vietnamese and changes nothing', async () => {
    await app.step(async () => {
      const card = tid(namPhone, 'member-vote');
      // The phone has not heard that Nam voted: it still offers the ballot.
      await card.locator('[data-testid="ballot-card"][data-state="choose"]').waitFor();
      await card.locator('[data-testid="ballot-option"][data-key="no"]').tap();
      expect(norm(await tid(card, 'ballot-confirm-text').innerText())).toBe(VI.confirm('Không đồng ý'));
      await tid(card, 'ballot-confirm').tap();

      const refusal = tid(card, 'ballot-refusal');
      await refusal.waitFor();
      expect(norm(await refusal.innerText())).toContain(VI.alreadyCast);
      const toast = namPhone.locator('[data-testid="toast"][data-tone="error"]').filter({ hasText: VI.alreadyCast });
      await toast.waitFor();
      await namPhone.screenshot({ path: path.join(OUTPUT, 'voting-second-ballot-refused.png') });

      // The room's pushes reach the phone again: it now knows Nam has voted (his choice stays on the tablet that cast it).
      phoneLink.holding = false;
      for (const message of phoneLink.held.splice(0)) phoneLink.route!.send(message);
      await card.locator('[data-testid="ballot-card"][data-state="voted"]').waitFor();
      await card.locator('[data-testid="vote-progress"][data-cast="3"]').waitFor();
      await expect(tid(card, 'my-choice').count()).resolves.toBe(0);

      // Nothing changed: still 3 of 5 on the chair's screen (the refused ballot was not counted).
      expect(await tid(chair.locator('[data-testid="vote-current"]'), 'vote-progress').getAttribute('data-cast')).toBe('3');
      const detail = (await (await chair.request.get(`/api/meetings/${meetingId}/votes`)).json()) as { status: string; castCount: number }[];
      expect(detail.map((v) => ({ status: v.status, castCount: v.castCount }))).toEqual([{ status: 'open', castCount: 3 }]);
    });
  }, 240_000);

  it('the chair closes: the chair sees the result, the tablets and the projector wait for its announcement', async () => {
    await app.step(async () => {
      await tid(chair, 'vote-close').tap();
      await tid(chair, 'confirm-vote-close').tap();
      await chair.locator('[data-testid="vote-current"][data-status="closed"]').waitFor();
      await showsResult('chair (before publishing)', chair);
      await tid(chair, 'vote-not-published').waitFor();

      for (const page of [nam, lan, son]) {
        await page.locator('[data-testid="member-vote"][data-status="closed"]').waitFor();
        expect(norm(await tid(page, 'vote-waiting').innerText())).toBe(VI.waiting);
        await showsNoChoices(page);
      }
      await projector.locator('[data-testid="projector-vote"][data-status="closed"]').waitFor();
      expect(norm(await tid(projector, 'vote-waiting').innerText())).toBe(VI.waiting);
      await showsNoChoices(projector);
    });
  }, 240_000);

  it('the chair publishes: every screen and the projector show the result with counts and percentages', async () => {
    await app.step(async () => {
      await tid(chair, 'vote-publish').tap();
      await chair.locator('[data-testid="vote-current"][data-status="published"]').waitFor();
      const screens = { chair, nam, lan, son, 'nam-phone': namPhone, projector };
      await Promise.all(Object.entries(screens).map(([who, page]) => showsResult(who, page)));
      await projector.locator('[data-testid="projector-vote"][data-status="published"]').waitFor();
      // Each voter still sees their own choice, and only on the tablet that cast it.
      expect(norm(await tid(nam, 'my-choice').innerText())).toContain(VI.yourChoice('Đồng ý'));
      expect(norm(await tid(son, 'my-choice').innerText())).toContain(VI.yourChoice('Không đồng ý'));
      await expect(tid(namPhone, 'my-choice').count()).resolves.toBe(0);

      // The export for the minutes: counts only for a secret vote.
      const csv = await chair.request.get(`/api/meetings/${meetingId}/votes/export.csv`);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain(QUESTION);
      await screenshots('voting');
    });
  }, 240_000);

  it('a named vote: the secretary prepares it, the chair edits and opens it, admits a late arrival; a show-of-hands ballot is recorded', async () => {
    await app.step(async () => {
      // The secretary prepares a draft; the chair sees it (the room knows only that it exists; the text comes over HTTP).
      await tid(secretary, 'vote-create').tap();
      const draftForm = tid(secretary, 'vote-form');
      await tid(draftForm, 'vote-question-input').fill(NAMED_DRAFT);
      await tid(draftForm, 'vote-kind-named').check();
      await tid(draftForm, 'vote-rule').selectOption('majority_of_present');
      await expect(tid(draftForm, 'vote-save-open').count()).resolves.toBe(0);
      await tid(draftForm, 'vote-save').tap();
      const chairDraft = chair.locator('[data-testid="vote-draft"]').filter({ hasText: NAMED_DRAFT });
      await chairDraft.waitFor();

      // The chair edits its wording; the secretary's list follows.
      await tid(chairDraft, 'vote-edit').tap();
      const editForm = tid(chair, 'vote-form');
      expect(await tid(editForm, 'vote-kind-named').isChecked()).toBe(true);
      await tid(editForm, 'vote-question-input').fill(NAMED_QUESTION);
      await tid(editForm, 'vote-save').tap();
      await secretary.locator('[data-testid="vote-draft"]').filter({ hasText: NAMED_QUESTION }).waitFor();
      const draft = chair.locator('[data-testid="vote-draft"]').filter({ hasText: NAMED_QUESTION });
      await tid(draft, 'vote-open').tap();
      const current = chair.locator('[data-testid="vote-current"][data-status="open"]');
      await current.waitFor();
      expect(norm(await tid(current, 'vote-question').innerText())).toBe(NAMED_QUESTION);
      // A named vote: who has not voted yet is listed, chair first.
      await expect(current.locator('[data-testid="not-voted-seat"]').count()).resolves.toBe(5);
      await projector.locator('[data-testid="projector-vote"][data-status="open"]').waitFor();

      // Mai arrives after the opening: she votes only once the chair admits her.
      await chair.locator(`[data-testid="attendance-row"][data-user-id="${ids['Đặng Thị Mai']}"] [data-testid="mark-present"]`).tap();
      await tid(current.locator('[data-testid="late-arrivals"]'), 'admit-late').tap();
      await current.locator('[data-testid="vote-progress"][data-cast="0"][data-eligible="6"]').waitFor();
      await expect(tid(current, 'late-arrivals').count()).resolves.toBe(0);

      // Bảo votes by show of hands; the secretary records it.
      const running = secretary.locator('[data-testid="vote-panel"] [data-testid="running-vote"]');
      await tid(running.locator(`[data-testid="not-voted-seat"][data-user-id="${ids['Võ Quốc Bảo']}"]`), 'record-ballot').tap();
      const record = tid(secretary, 'record-ballot-form');
      await record.locator('.ballot__option', { hasText: /^Đồng ý$/ }).tap();
      await tid(record, 'confirm-record-ballot').tap();
      await current.locator('[data-testid="vote-progress"][data-cast="1"]').waitFor();
      await expect(current.locator(`[data-testid="not-voted-seat"][data-user-id="${ids['Võ Quốc Bảo']}"]`).count()).resolves.toBe(0);

      await vote(nam, 'yes', 'Đồng ý');
      await vote(lan, 'no', 'Không đồng ý');
      await current.locator('[data-testid="vote-progress"][data-cast="3"][data-eligible="6"]').waitFor();
      await showsNoChoices(chair);
      await showsNoChoices(projector);

      // Closed: 2 of 6 present is not more than half. The chair sees each member's choice (ghi danh); the wall does not.
      await tid(chair, 'vote-close').tap();
      await tid(chair, 'confirm-vote-close').tap();
      const named = chair.locator('[data-testid="named-ballots"]');
      await named.waitFor();
      const list = norm(await named.innerText());
      expect(list).toContain(`Võ Quốc Bảo Đồng ý · ${VI.recorded}`);
      expect(list).toContain('Lê Hoàng Nam Đồng ý');
      expect(list).toContain('Phạm Thị Lan Không đồng ý');
      await tid(chair, 'vote-publish').tap();
      for (const page of [chair, nam, lan, son, projector]) {
        const result = page.locator('[data-testid="vote-result"][data-outcome="rejected"]');
        await result.waitFor();
        expect(norm(await tid(result, 'vote-outcome').innerText())).toBe(VI.rejected);
        expect(norm(await result.locator('[data-testid="vote-result-option"][data-key="yes"]').innerText())).toContain('33,33%');
      }
      await expect(projector.locator('[data-testid="named-ballots"]').count()).resolves.toBe(0);
      // The first vote is now in the chair's list of earlier votes.
      await chair.locator('[data-testid="vote-history-row"][data-status="published"]').filter({ hasText: QUESTION }).waitFor();
    });
  }, 180_000);

  it('an open vote among three plans, up to two choices: the form checks before sending; the chair cancels it with a reason', async () => {
    await app.step(async () => {
      await tid(chair, 'vote-create').tap();
      const form = tid(chair, 'vote-form');
      // Nothing typed yet: the shared schema's message, nothing sent.
      await tid(form, 'vote-save-open').tap();
      expect(norm(await form.innerText())).toContain('Vui lòng nhập nội dung biểu quyết.');
      await tid(form, 'vote-question-input').fill(PLANS_QUESTION);
      await tid(form, 'vote-options-custom').check();
      await tid(form, 'vote-add-option').tap();
      const rows = tid(form, 'vote-option-input');
      for (const [i, label] of PLANS.entries()) await rows.nth(i).fill(label);
      await form.locator('input[name="voteMaxChoices"]').fill('2');
      await tid(form, 'vote-save-open').tap();
      await chair.locator('[data-testid="vote-current"][data-status="open"]').filter({ hasText: PLANS_QUESTION }).waitFor();

      const card = nam.locator('[data-testid="member-vote"][data-status="open"]').filter({ hasText: PLANS_QUESTION });
      await card.waitFor();
      await card.locator('[data-testid="ballot-option"][data-key="pa-1"]').tap();
      await card.locator('[data-testid="ballot-option"][data-key="pa-3"]').tap();
      // Two chosen: the third plan cannot be added; "Không biểu quyết" still can (it would replace them).
      await expect(card.locator('[data-testid="ballot-option"][data-key="pa-2"]').isDisabled()).resolves.toBe(true);
      await expect(card.locator('[data-testid="ballot-option"][data-key="abstain"]').isDisabled()).resolves.toBe(false);
      await tid(card, 'ballot-next').tap();
      expect(norm(await tid(card, 'ballot-confirm-text').innerText())).toBe(VI.confirm(`${PLANS[0]}, ${PLANS[2]}`));
      await tid(card, 'ballot-confirm').tap();
      await card.locator('[data-testid="ballot-card"][data-state="voted"]').waitFor();
      await chair.locator('[data-testid="vote-current"] [data-testid="vote-progress"][data-cast="1"]').waitFor();

      await tid(chair, 'vote-cancel').tap();
      const cancel = tid(chair, 'vote-cancel-form');
      await cancel.locator('textarea[name="cancelReason"]').fill(CANCEL_REASON);
      await tid(cancel, 'confirm-vote-cancel').tap();
      for (const page of [chair, nam, lan]) {
        const cancelled = page.locator('[data-testid="vote-cancelled"]');
        await cancelled.waitFor();
        expect(norm(await cancelled.innerText())).toBe(`Biểu quyết đã bị hủy. Lý do: ${CANCEL_REASON}`);
      }
      // A cancelled vote leaves the wall to the presentation.
      await tid(projector, 'presentation-empty').waitFor();
      await expect(tid(projector, 'projector-vote').count()).resolves.toBe(0);
    });
  }, 240_000);

  it('no page had an error', async () => {
    await screenshots('voting-named');
    for (const [who, errors] of app.pageErrors) expect({ who, errors }).toEqual({ who, errors: [] });
  }, 30_000);
});
