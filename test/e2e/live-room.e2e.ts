import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { DocumentDto, MeetingDto } from '@phonghop/shared';
import { BrowserApp, norm, OUTPUT, TABLET_LANDSCAPE, TABLET_PORTRAIT, tid } from '../support/browser.js';
import { DEMO_TITLE } from '../support/live-clients.js';

/**
 * Acceptance (issue 4, points 5–8): the live meeting room in real browsers. The chair (tablet, landscape) starts
 * the demo meeting, opens item 2 and page 3 of its plan; two members (tablets, portrait) and the projector show
 * item 2 and page 3. Member 1 reads ahead on their own (page 7, "Đang xem riêng") while the chair moves to page 4,
 * which member 2 and the projector follow; member 1 taps "Theo người trình bày" and is back on 4. Member 2 asks to
 * speak, the chair grants, and the timer runs on all four screens. A refused command shows its Vietnamese message.
 *
 * One built app (server + a private copy of client/dist, fresh SQLite with the demo meeting), one Chromium, one
 * browser context per person. The steps share state and run in order.
 */
const VI = {
  homeTitle: 'Cuộc họp của tôi',
  enterRoom: 'Vào phòng họp',
  notStarted: 'Chưa bắt đầu',
  inSession: 'Đang họp',
  noPresentation: 'Chưa có tài liệu đang trình chiếu',
  noSpeakers: 'Chưa có ai đăng ký phát biểu',
  following: 'Đang theo người trình bày',
  detached: 'Đang xem riêng',
  follow: 'Theo người trình bày',
  present: 'Có mặt trực tiếp',
  checkInOpens: 'Điểm danh mở từ',
  page: (n: number, total: number) => `Trang ${n}/${total}`,
  /** The server's refusal of a page past the end: the code's message, then the detail. */
  refusal: ['Dữ liệu gửi lên không hợp lệ.', 'Tài liệu chỉ có 7 trang.'],
};

let app: BrowserApp;

// Shared between the steps.
let meetingId = '';
let planId = '';
let planPages = 0;
let lanId = '';
let chair: Page;
let nam: Page;
let lan: Page;
let projector: Page;

beforeAll(async () => {
  // generous timeouts: CI machines are 2 cores, shared
  app = await BrowserApp.start({ name: 'live-room', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** A fresh profile for one person, logged in through the form, landing on `firstPath`. */
async function personPage(username: string, options: BrowserContextOptions, firstPath: string, ready: string): Promise<Page> {
  return app.personPage(username, username, await app.newContext(options), firstPath, ready);
}

/** The screen shows `page` of the plan: its indicator reads "Trang n/7" and the canvas of that page has been drawn. */
async function showsPage(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid="presented-page-indicator"][data-page="${n}"]`).first().waitFor();
  expect(norm(await tid(page, 'presented-page-indicator').first().innerText())).toBe(VI.page(n, planPages));
  const drawn = page.locator(`[data-testid="presented-page"] [data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`);
  await drawn.waitFor({ timeout: 30_000 });
  // Drawn means ink on the canvas, not just a sized element: count the dark pixels pdf.js painted.
  const ink = await drawn.locator('canvas').evaluate((el) => {
    const canvas = el as unknown as CanvasLike;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128 && data[i + 3] > 0) dark++;
    return dark;
  });
  expect(ink).toBeGreaterThan(500);
}

/** What the check needs of a <canvas> (this project compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

async function currentItemIs(page: Page, number: string): Promise<void> {
  await page.locator(`[data-testid="live-current-item"][data-number="${number}"]`).waitFor();
}

async function timerValue(page: Page): Promise<string> {
  return norm(await tid(page, 'speaker-timer-value').innerText());
}

describe('the live meeting room, end to end in the browser', () => {
  it('the chair enters the room from the meeting page on a tablet', async () => {
    chair = await app.timed('chair: log in, meeting page, enter the room', async () => {
      const page = await personPage('chutich', TABLET_LANDSCAPE, '/', '[data-testid="logout"]');
      await page.locator('h1[data-testid="page-title"]', { hasText: VI.homeTitle }).waitFor();
      const card = page.locator('[data-testid="meeting-card"]').filter({ hasText: DEMO_TITLE });
      await card.tap();
      await page.waitForURL(/\/cuoc-hop\/[0-9a-f-]{36}$/);
      meetingId = new URL(page.url()).pathname.split('/')[2];
      const enter = tid(page, 'enter-live-room');
      expect(norm(await enter.innerText())).toBe(VI.enterRoom);
      await enter.tap();
      await page.waitForURL(`**/cuoc-hop/${meetingId}/phong-hop`);
      await tid(page, 'chair-screen').waitFor();
      return page;
    });
    await chair.locator('[data-testid="live-connection"][data-state="live"]').waitFor();
    const status = chair.locator('[data-testid="meeting-controls"] [data-testid="live-status"]');
    expect(await status.getAttribute('data-status')).toBe('scheduled');
    expect(norm(await status.innerText())).toBe(VI.notStarted);
    expect(norm(await tid(chair, 'speaker-queue-empty').innerText())).toBe(VI.noSpeakers);

    // The plan sits under item 2; the server counted its pages with pdf.js when it was uploaded.
    const docs = (await (await chair.request.get(`/api/meetings/${meetingId}/documents`)).json()) as DocumentDto[];
    const agenda = (await (await chair.request.get(`/api/meetings/${meetingId}/agenda`)).json()) as { items: { id: string; number: string }[] };
    const item2 = agenda.items.find((i) => i.number === '2');
    const plan = docs.find((d) => d.agendaItemId === item2?.id);
    expect(plan).toBeDefined();
    planId = plan!.id;
    planPages = plan!.current.pageCount;
    expect(planPages).toBeGreaterThanOrEqual(7);
    const meeting = (await (await chair.request.get(`/api/meetings/${meetingId}`)).json()) as MeetingDto;
    lanId = meeting.participants.find((p) => p.user.fullName === 'Phạm Thị Lan')?.user.id ?? '';
    expect(lanId).toMatch(/^[0-9a-f-]{36}$/);
    app.noPageErrors('chutich');
  }, 60_000);

  it('two members and the projector join; before the start check-in waits for its window', async () => {
    const room = `/cuoc-hop/${meetingId}/phong-hop`;
    [nam, lan, projector] = await app.timed('members and projector: log in, join', () =>
      Promise.all([
        personPage('pct.nam', TABLET_PORTRAIT, room, '[data-testid="member-screen"]'),
        personPage('pct.lan', TABLET_PORTRAIT, room, '[data-testid="member-screen"]'),
        personPage('maychieu', TABLET_LANDSCAPE, `/cuoc-hop/${meetingId}/man-chieu`, '[data-testid="projector"] [data-testid="live-status"]'),
      ]),
    );
    for (const member of [nam, lan]) {
      await member.locator('[data-testid="live-connection"][data-state="live"]').waitFor();
      expect(await tid(member, 'live-status').getAttribute('data-status')).toBe('scheduled');
      // The demo meeting is days ahead: the button is there but disabled, with the opening time.
      await expect(tid(member, 'check-in-button').isDisabled()).resolves.toBe(true);
      expect(norm(await tid(member, 'check-in-hint').innerText())).toContain(VI.checkInOpens);
      expect(norm(await tid(member, 'member-stage').innerText())).toContain(VI.noPresentation);
    }
    expect(norm(await tid(projector, 'presentation-empty').innerText())).toBe(VI.noPresentation);
    // No app chrome on the projector, and its layout fills the viewport by itself.
    await expect(projector.locator('[data-testid="logout"], nav').count()).resolves.toBe(0);
    const box = await tid(projector, 'projector').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  }, 60_000);

  it('the chair starts the meeting, opens item 2 and page 3: both members and the projector show them', async () => {
    await app.timed('chair: start', async () => {
      await tid(chair, 'meeting-start').tap();
      for (const page of [chair, nam, lan, projector]) await page.locator('[data-testid="live-status"][data-status="in_progress"]').first().waitFor();
    });
    expect(norm(await tid(projector, 'live-status').innerText())).toBe(VI.inSession);

    await app.timed('member 1: check in (open once the meeting started)', async () => {
      await tid(nam, 'check-in-button').tap();
      await nam.locator('[data-testid="check-in"][data-state="present_in_person"]').waitFor();
      expect(norm(await tid(nam, 'my-attendance').innerText())).toBe(VI.present);
      await chair.locator('[data-testid="attendance-row"][data-state="present_in_person"]').filter({ hasText: 'Lê Hoàng Nam' }).waitFor();
    });

    await app.timed('chair: open item 2, show page 3', async () => {
      await chair.locator('[data-testid="live-agenda-item"][data-number="2"]').tap();
      await chair.locator('[data-testid="live-agenda-item"][data-number="2"][data-current="true"]').waitFor();
      await tid(chair, 'present-document').selectOption(planId);
      await tid(chair, 'present-goto').fill('3');
      await tid(chair, 'present-goto').press('Enter');
      await showsPage(chair, 3);
    });
    await app.timed('members and projector: item 2, page 3 drawn', () =>
      Promise.all(
        [nam, lan, projector].map(async (page) => {
          await currentItemIs(page, '2');
          await showsPage(page, 3);
        }),
      ),
    );
    for (const member of [nam, lan]) {
      const follow = tid(member, 'follow-state');
      expect(await follow.getAttribute('data-following')).toBe('true');
      expect(norm(await follow.innerText())).toContain(VI.following);
    }
  }, 90_000);

  it('member 1 reads ahead on their own while the chair turns to page 4, then follows again', async () => {
    await app.timed('member 1: go to page 7 (detaches)', async () => {
      await tid(nam, 'member-goto').fill('7');
      await tid(nam, 'member-goto').press('Enter');
      await showsPage(nam, 7);
      await nam.locator('[data-testid="follow-state"][data-following="false"]').waitFor();
      expect(norm(await tid(nam, 'follow-state').innerText())).toContain(VI.detached);
    });

    await app.timed('chair: next page (4); member 2 and projector follow, member 1 stays', async () => {
      await tid(chair, 'present-next').tap();
      await showsPage(chair, 4);
      await Promise.all([showsPage(lan, 4), showsPage(projector, 4)]);
      // Member 1's tablet has the presenter's move (it says where the presenter is) and still shows its own page.
      await nam.locator('[data-testid="presenter-page"][data-page="4"]').waitFor();
      expect(norm(await tid(nam, 'presented-page-indicator').innerText())).toBe(VI.page(7, planPages));
      await expect(nam.locator('[data-testid="pdf-page"][data-page-number="7"][data-rendered="true"]').count()).resolves.toBe(1);
      expect(await tid(nam, 'follow-state').getAttribute('data-following')).toBe('false');
    });

    await app.timed('member 1: "Theo người trình bày" → page 4', async () => {
      const follow = tid(nam, 'follow-presenter');
      expect(norm(await follow.innerText())).toBe(VI.follow);
      await follow.tap();
      await showsPage(nam, 4);
      await nam.locator('[data-testid="follow-state"][data-following="true"]').waitFor();
    });
  }, 90_000);

  it('member 2 asks to speak, the chair grants, and the timer runs on every screen', async () => {
    await app.timed('member 2: ask to speak; chair sees the queue', async () => {
      await tid(lan, 'speaker-request').tap();
      await lan.locator('[data-testid="my-queue-position"][data-position="1"]').waitFor();
      const row = chair.locator(`[data-testid="speaker-queue-row"][data-user-id="${lanId}"]`);
      await row.waitFor();
      expect(norm(await row.innerText())).toContain('Phạm Thị Lan');
      await row.locator('[data-testid="speaker-grant"]').tap();
    });

    const screens = { chair, nam, lan, projector };
    await app.timed('all: Phạm Thị Lan has the floor', () =>
      Promise.all(Object.values(screens).map((page) => page.locator(`[data-testid="current-speaker"][data-user-id="${lanId}"]`).waitFor())),
    );
    expect(norm(await tid(projector, 'current-speaker').innerText())).toContain('Phạm Thị Lan');

    // Reads well over a second apart: the display rounds to whole seconds and each screen ticks every 250 ms.
    const first = await Promise.all(Object.values(screens).map(timerValue));
    await new Promise((r) => setTimeout(r, 2200));
    const second = await Promise.all(Object.values(screens).map(timerValue));
    Object.keys(screens).forEach((who, i) => {
      // Time left, counting down: mm:ss, smaller the second time.
      expect({ who, first: first[i] }).toEqual({ who, first: expect.stringMatching(/^\d\d:\d\d$/) });
      expect({ who, second: second[i] }).toEqual({ who, second: expect.stringMatching(/^\d\d:\d\d$/) });
      expect({ who, changed: second[i] !== first[i], down: second[i] < first[i] }).toEqual({ who, changed: true, down: true });
    });
    for (const page of Object.values(screens)) expect(await tid(page, 'speaker-timer').getAttribute('data-phase')).toBe('running');
  }, 60_000);

  it('a refused command shows the server’s reason in Vietnamese', async () => {
    await app.timed('chair: go to page 99 → refused', async () => {
      await tid(chair, 'present-goto').fill('99');
      await tid(chair, 'present-goto').press('Enter');
      const toast = chair.locator('[data-testid="toast"][data-tone="error"]').filter({ hasText: VI.refusal[1] });
      await toast.waitFor();
      const text = norm(await toast.innerText());
      for (const part of VI.refusal) expect(text).toContain(part);
    });
    // Nothing changed in the room.
    expect(norm(await tid(projector, 'presented-page-indicator').innerText())).toBe(VI.page(4, planPages));
  }, 30_000);

  it('saves a screenshot of each screen', async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    for (const [who, page] of [['chair', chair], ['member-1', nam], ['member-2', lan], ['projector', projector]] as const) {
      // The tablets scroll: the whole page. The projector is exactly one screen.
      await page.screenshot({ path: path.join(OUTPUT, `live-room-${who}.png`), fullPage: who !== 'projector' });
      expect(fs.statSync(path.join(OUTPUT, `live-room-${who}.png`)).size).toBeGreaterThan(10_000);
    }
    for (const who of ['chutich', 'pct.nam', 'pct.lan', 'maychieu']) app.noPageErrors(who);
  }, 30_000);
});
