import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, OUTPUT, requireClientAndChromium, submitLogin } from '../support/browser.js';
import { DEMO_PASSWORD, type ServerProcess, startServer } from '../support/server-process.js';

/** The built app (server + client/dist on one port, fresh SQLite) driven by a real Chromium in Vietnamese. */

const VI = {
  usernameLabel: 'Tên đăng nhập',
  wrongPassword: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  homeTitle: 'Cuộc họp của tôi',
};

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  requireClientAndChromium();
  server = await startServer();
  browser = await launchChromium();
}, 60_000);

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh browser profile (no cookies) with a Vietnamese locale, on the app's root. */
async function openApp(): Promise<Page> {
  context = await browser!.newContext({ ...DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server!.url + '/');
  await page
    .locator('input[name="username"]')
    .waitFor()
    .catch((e: Error) => {
      throw new Error(`no login form at ${page.url()}: ${e.message}\npage errors: ${errors.join('\n') || 'none'}`);
    });
  return page;
}

describe('login in the browser (Vietnamese UI)', () => {
  it('shows the login page in Vietnamese by default', async () => {
    const page = await openApp();
    expect(await page.locator('body').innerText()).toContain(VI.usernameLabel);
    await expect(page.locator('input[name="password"]').getAttribute('type')).resolves.toBe('password');
  });

  it('shows the Vietnamese error for a wrong password and stays on the login page', async () => {
    const page = await openApp();
    await submitLogin(page, 'chutich', 'sai-mat-khau');
    const alert = page.locator('[role="alert"]').filter({ hasText: VI.wrongPassword });
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toContain(VI.wrongPassword);
    expect(await page.locator('input[name="username"]').isVisible()).toBe(true);
    expect(await page.locator('h1[data-testid="page-title"]', { hasText: VI.homeTitle }).count()).toBe(0);
  });

  it('a demo member (chutich) logs in and sees "Cuộc họp của tôi"', async () => {
    const page = await openApp();
    await submitLogin(page, 'chutich', DEMO_PASSWORD);
    const title = page.locator('h1[data-testid="page-title"]');
    await title.filter({ hasText: VI.homeTitle }).waitFor();
    expect((await title.innerText()).trim()).toBe(VI.homeTitle);
    await expect(page.locator('[data-testid="logout"]').count()).resolves.toBeGreaterThan(0);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'home-chutich.png'), fullPage: true });
  });
});
