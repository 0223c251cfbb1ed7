import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserApp, TABLET_PORTRAIT, tid } from '../support/browser.js';

/**
 * Issue 6, point 6 (tablet ergonomics): an older member, on a tablet held upright, makes the text larger and turns
 * high contrast on from the top bar; the whole app follows (sizes are in rem), the choice survives a reload and a
 * logout (it belongs to the device), and the controls stay large enough for a finger.
 */
let app: BrowserApp;
let page: Page;

const rootFontPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const headingPx = () => page.locator('h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));

beforeAll(async () => {
  app = await BrowserApp.start({ name: 'display', env: { DEMO_SEED: 'true', DEMO_MEETING: 'true' }, timeoutMs: 20_000 });
  const context = await app.newContext(TABLET_PORTRAIT);
  page = await app.personPage('member', 'pct.nam', context, '/', '[data-testid="user-name"]');
}, 90_000);

afterAll(async () => {
  await app?.close();
});

describe('text size and high contrast on a tablet (Chromium, 800×1280 touch)', () => {
  it('makes the text larger step by step, with controls a finger can hit', async () => {
    await app.step(async () => {
      expect(await rootFontPx()).toBe(16);
      const before = await headingPx();
      await tid(page, 'display-settings').tap();
      const larger = tid(page, 'text-larger');
      for (const target of [tid(page, 'display-settings'), larger, tid(page, 'text-smaller')]) {
        const box = await target.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.width).toBeGreaterThanOrEqual(44);
      }
      await larger.tap();
      await larger.tap();
      await expect(tid(page, 'text-size').textContent()).resolves.toBe('125%');
      expect(await rootFontPx()).toBe(20);
      expect(await headingPx()).toBeCloseTo(before * 1.25, 1);
      await larger.tap();
      await expect(tid(page, 'text-size').textContent()).resolves.toBe('150%');
      expect(await larger.isDisabled()).toBe(true);
      await tid(page, 'text-smaller').tap();
      expect(await rootFontPx()).toBe(20);
    });
  });

  it('turns high contrast on: black text on white', async () => {
    await app.step(async () => {
      await tid(page, 'high-contrast').check();
      expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
      const colours = await page.evaluate(() => ({ text: getComputedStyle(document.documentElement).color, paper: getComputedStyle(document.documentElement).backgroundColor }));
      expect(colours).toEqual({ text: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)' });
      await page.keyboard.press('Escape');
    });
  });

  it('keeps both after a reload and after logging out (a setting of the device, not of the account)', async () => {
    await app.step(async () => {
      await page.reload();
      await tid(page, 'user-name').waitFor();
      expect(await rootFontPx()).toBe(20);
      expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
      await tid(page, 'logout').tap();
      await page.locator('input[name="username"]').waitFor();
      expect(await rootFontPx()).toBe(20);
      app.noPageErrors('member');
    });
  });
});
