import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT, type ServerProcess, startServer } from '../support/server-process.js';

/** The built app (server + client/dist on one port, fresh SQLite) driven by a real Chromium in Vietnamese. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = path.join(ROOT, 'test/output');

const VI = {
  usernameLabel: 'Tên đăng nhập',
  wrongPassword: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  homeTitle: 'Cuộc họp của tôi',
};

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'client/dist/index.html'))) {
    throw new Error('client/dist/index.html is missing: the client build did not run or failed ("npx nx run-many -t build")');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with "apt-get install -y chromium"`);
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
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
  context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
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

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
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
