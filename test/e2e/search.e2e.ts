import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { UserDto } from '@phonghop/shared';
import { BrowserApp, norm, OUTPUT, submitLogin, TABLET_LANDSCAPE, tid } from '../support/browser.js';
import { login } from '../support/server-process.js';
import { api } from '../support/vote-room.js';
import { DEMO_TITLE } from '../support/live-clients.js';

/**
 * Acceptance (issue 7, point 6, the client): the archive search in Chromium on a 1280×800 touch tablet, over the
 * demo meeting. A member presses "/" and types "phong hop khong giay" (no diacritics) in the top bar; the results
 * page lists the plan's page with the accented words marked; tapping it opens the reader at that page. Back returns
 * to the same results, the arrow keys walk them; a meeting's title is found as one types; a query with no hits
 * shows the empty state; a member outside the meeting gets nothing from it.
 */
const QUERY = 'phong hop khong giay';
const OUTSIDER = { username: 'cv.ngoaihop', password: 'TamThoi@2026', newPassword: 'NgoaiHop@2026' };

let app: BrowserApp;
let member: Page;

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'search', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 20_000 });
  const context = await app.newContext(TABLET_LANDSCAPE);
  member = await app.personPage('member', 'pct.nam', context, '/', (p) => tid(p, 'topbar-search').waitFor());
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** The text of every <mark> in the locator's scope, NFC and lower case. */
async function markedWords(page: Page, selector: string): Promise<string[]> {
  const marks = await page.locator(`${selector} mark`).allInnerTexts();
  return marks.flatMap((m) => norm(m).toLocaleLowerCase('vi').split(' '));
}

describe('archive search in the browser', () => {
  it('finds the plan page from the top bar without diacritics and opens the reader there', async () => {
    await app.timed('top bar → results → reader', async () => {
      await member.locator('main h1').first().click(); // focus away from any field: "/" is the shortcut
      await member.keyboard.press('/');
      await expect(member.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('topbar-search');
      await member.keyboard.type(QUERY);
      await member.keyboard.press('Enter');

      await member.waitForURL((url) => url.pathname === '/tim-kiem' && url.searchParams.get('q') === QUERY);
      expect(await tid(member, 'search-input').inputValue()).toBe(QUERY);
      const docHit = member.locator('[data-testid="search-hit"][data-kind="document"]').first();
      await docHit.waitFor();
      const label = norm(await docHit.locator('.search-hit__kind').innerText());
      const page = Number(/^Tài liệu — trang (\d+)$/.exec(label)?.[1]);
      expect(page).toBeGreaterThan(1); // not where the reader would open anyway
      expect(norm(await docHit.locator('[data-testid="search-hit-snippet"]').innerText()).toLocaleLowerCase('vi')).toContain('phòng họp không giấy');
      const words = await markedWords(member, '[data-testid="search-hit"][data-kind="document"] [data-testid="search-hit-snippet"]');
      for (const word of ['phòng', 'họp', 'không', 'giấy']) expect(words).toContain(word);
      // the agenda item on the same subject is listed and labelled too
      const item = member.locator('[data-testid="search-hit"][data-kind="agenda_item"]').first();
      expect(norm(await item.locator('.search-hit__kind').innerText())).toBe('Nội dung họp');
      expect(await markedWords(member, '[data-testid="search-hit"][data-kind="agenda_item"] .search-hit__title')).toEqual(
        expect.arrayContaining(['phòng', 'họp', 'không', 'giấy']),
      );

      fs.mkdirSync(OUTPUT, { recursive: true });
      await member.screenshot({ path: path.join(OUTPUT, 'search-results.png') });

      const href = await docHit.getAttribute('href');
      expect(href).toMatch(new RegExp(`^/tai-lieu/[0-9a-f-]{36}\\?page=${page}$`));
      await docHit.tap();
      await member.waitForURL((url) => url.pathname.startsWith('/tai-lieu/'));
      await member.locator(`[data-testid="page-indicator"][data-page="${page}"]`).waitFor();
      expect(norm(await tid(member, 'page-indicator').innerText())).toBe(`Trang ${page}/7`);
      await member.locator(`[data-testid="pdf-page"][data-page-number="${page}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
    });
  }, 90_000);

  it('goes back to the same results, walked with the arrow keys', async () => {
    await app.step(async () => {
      await member.goBack();
      await member.waitForURL((url) => url.pathname === '/tim-kiem' && url.searchParams.get('q') === QUERY);
      await tid(member, 'search-hit').first().waitFor();
      expect(await tid(member, 'search-input').inputValue()).toBe(QUERY);
      const count = await tid(member, 'search-hit').count();
      expect(count).toBeGreaterThanOrEqual(2);

      await tid(member, 'search-input').focus();
      const focused = () => member.evaluate(() => [...document.querySelectorAll('[data-testid="search-hit"]')].indexOf(document.activeElement as Element));
      await member.keyboard.press('ArrowDown');
      await expect(focused()).resolves.toBe(0);
      await member.keyboard.press('ArrowDown');
      await expect(focused()).resolves.toBe(1);
      await member.keyboard.press('ArrowUp');
      await member.keyboard.press('ArrowUp');
      await expect(member.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('search-input');
      await member.keyboard.press('ArrowDown');
      const first = await tid(member, 'search-hit').first().getAttribute('href');
      await member.keyboard.press('Enter');
      await member.waitForURL((url) => `${url.pathname}${url.search}${url.hash}`.startsWith(first!.replace(/\?page=\d+$/, '')));
      await member.goBack();
      await tid(member, 'search-hit').first().waitFor();
    });
  }, 60_000);

  it('finds the demo meeting by its title as one types', async () => {
    await app.step(async () => {
      const input = tid(member, 'search-input');
      await input.fill('');
      await input.pressSequentially('phien hop thuong ky');
      await member.waitForURL((url) => url.searchParams.get('q') === 'phien hop thuong ky');
      const meeting = member.locator('[data-testid="search-hit"][data-kind="meeting"]').first();
      await meeting.waitFor();
      expect(norm(await meeting.locator('.search-hit__title').innerText())).toBe(DEMO_TITLE);
      expect(norm(await meeting.locator('.search-hit__kind').innerText())).toBe('Cuộc họp');
      expect(await meeting.getAttribute('href')).toMatch(/^\/cuoc-hop\/[0-9a-f-]{36}$/);
      // the previous search is one step back
      await member.goBack();
      await member.waitForURL((url) => url.searchParams.get('q') === QUERY);
      await expect(tid(member, 'search-input').inputValue()).resolves.toBe(QUERY);
    });
  }, 60_000);

  it('shows the empty state for a query with no hits', async () => {
    await app.step(async () => {
      await tid(member, 'search-input').fill('ngan sach vu tru xyz');
      await tid(member, 'search-empty').waitFor();
      expect(norm(await tid(member, 'search-empty').innerText())).toContain('Không tìm thấy kết quả cho “ngan sach vu tru xyz”');
      expect(norm(await tid(member, 'search-empty').innerText())).toContain('không cần gõ dấu');
      expect(await tid(member, 'search-hit').count()).toBe(0);
      app.noPageErrors('member');
    });
  }, 30_000);

  it('gives a member outside the meeting no result from it', async () => {
    await app.step(async () => {
      const url = app.server.url;
      const admin = await login(url, 'admin');
      const body = { username: OUTSIDER.username, fullName: 'Trương Thị Hòa', position: 'Chuyên viên', unit: 'Phòng Văn hóa', role: 'member', password: OUTSIDER.password };
      await api<UserDto>(url, 'POST', '/api/users', admin, body, 201);
      const first = await login(url, OUTSIDER.username, OUTSIDER.password);
      await api(url, 'POST', '/api/auth/change-password', first, { currentPassword: OUTSIDER.password, newPassword: OUTSIDER.newPassword }, 204);

      const outsider = await app.newPage('outsider', await app.newContext(TABLET_LANDSCAPE));
      await outsider.goto('/');
      await submitLogin(outsider, OUTSIDER.username, OUTSIDER.newPassword);
      await tid(outsider, 'topbar-search').fill(QUERY);
      await tid(outsider, 'topbar-search').press('Enter');
      await outsider.waitForURL((u) => u.pathname === '/tim-kiem');
      await tid(outsider, 'search-empty').waitFor();
      expect(await tid(outsider, 'search-hit').count()).toBe(0);
      await tid(outsider, 'search-input').fill('phien hop thuong ky');
      await outsider.waitForURL((u) => u.searchParams.get('q') === 'phien hop thuong ky');
      await tid(outsider, 'search-empty').waitFor();
      expect(await tid(outsider, 'search-hit').count()).toBe(0);
      app.noPageErrors('outsider');
    });
  }, 60_000);
});
