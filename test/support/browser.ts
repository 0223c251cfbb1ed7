import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@jest/globals';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT, type ServerProcess, startServer } from './server-process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT = path.join(ROOT, 'test/output');

/** A 10" tablet in landscape (the chair's, the reader's) and the projector's screen. */
export const TABLET_LANDSCAPE: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1 };
/** A 10" tablet held upright, as the members hold theirs: touch, but a desktop-class browser (no phone emulation). */
export const TABLET_PORTRAIT: BrowserContextOptions = { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** Text as a reader sees it: NFC (pdf.js may hand out decomposed diacritics) and single spaces. */
export const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export const tid = (scope: Page | Locator, id: string): Locator => scope.locator(`[data-testid="${id}"]`);

/** Fails at once, and says how to fix it, when the client build or Chromium is missing. */
export function requireClientAndChromium(): void {
  if (!fs.existsSync(path.join(ROOT, 'client/dist/index.html'))) {
    throw new Error('client/dist/index.html is missing: the client build did not run or failed ("npx nx run-many -t build")');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with "apt-get install -y chromium"`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/**
 * Others build in the same tree: a rebuild rewrites client/dist in place, and a page loaded meanwhile comes up blank.
 * The server serves this copy of client/dist, taken now, so a run sees one consistent build; fails clearly if the
 * copy caught a build half-written.
 */
function snapshotClient(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-client-'));
  fs.cpSync(path.join(ROOT, 'client/dist'), copy, { recursive: true });
  const html = fs.readFileSync(path.join(copy, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const missing = assets.filter((a) => !fs.existsSync(path.join(copy, a)));
  if (assets.length === 0 || missing.length > 0) {
    fs.rmSync(copy, { recursive: true, force: true });
    throw new Error(`client/dist is incomplete (being rebuilt?): index.html refers to missing ${missing.join(', ') || 'assets'}`);
  }
  return copy;
}

/** Fills and sends the login form on the page as it is. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** What shows the person is signed in: a selector to wait for, or a wait of one's own. */
export type Ready = string | ((page: Page) => Promise<unknown>);

/**
 * Goes to `firstPath` and logs in through the form (a protected path sends an anonymous visitor to /login and, once
 * signed in, back to that path); resolves once `ready` holds.
 */
export async function signIn(page: Page, username: string, firstPath: string, ready: Ready): Promise<void> {
  await page.goto(firstPath);
  await submitLogin(page, username);
  await (typeof ready === 'string' ? page.locator(ready).waitFor() : ready(page));
}

export interface BrowserAppOptions {
  /** Names the failure screenshots (test/output/<name>-failed-<who>.png) and the timings printed at the end. */
  name: string;
  /** Server environment besides the client copy, e.g. the demo meeting. */
  env?: Record<string, string>;
  /** Default timeout of every action in a browser context. */
  timeoutMs: number;
  /** Failure screenshots of the whole page rather than the viewport. */
  fullPageOnFailure?: boolean;
}

/**
 * The built app for one browser test file: the server on a private copy of client/dist, one Chromium, a context per
 * device, each page's errors and the steps' timings. close() in afterAll.
 */
export class BrowserApp {
  readonly pages = new Map<string, Page>();
  readonly pageErrors = new Map<string, string[]>();
  private readonly contexts: BrowserContext[] = [];
  private readonly timings: string[] = [];

  private constructor(
    private readonly options: BrowserAppOptions,
    readonly server: ServerProcess,
    readonly browser: Browser,
    /** The copy of client/dist the server serves. */
    readonly clientDir: string,
  ) {}

  static async start(options: BrowserAppOptions): Promise<BrowserApp> {
    requireClientAndChromium();
    const clientDir = snapshotClient();
    let server: ServerProcess | undefined;
    try {
      server = await startServer({ env: { CLIENT_DIST: clientDir, ...options.env } });
      return new BrowserApp(options, server, await launchChromium(), clientDir);
    } catch (error) {
      await server?.stop();
      fs.rmSync(clientDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** A fresh profile (Vietnamese, Vietnam time) on the app. */
  async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await this.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: this.server.url, ...options });
    this.contexts.push(context);
    context.setDefaultTimeout(this.options.timeoutMs);
    return context;
  }

  /** A page of `who`: its errors are kept (noPageErrors) and it is screenshotted when a step fails. */
  async newPage(who: string, context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    this.pages.set(who, page);
    const errors: string[] = [];
    this.pageErrors.set(who, errors);
    page.on('pageerror', (e) => errors.push(String(e)));
    return page;
  }

  /** A person's device, logged in through the form (see signIn). */
  async personPage(who: string, username: string, context: BrowserContext, firstPath: string, ready: Ready): Promise<Page> {
    const page = await this.newPage(who, context);
    await signIn(page, username, firstPath, ready);
    return page;
  }

  noPageErrors(who: string): void {
    expect({ who, errors: this.pageErrors.get(who) ?? [] }).toEqual({ who, errors: [] });
  }

  /** Runs a step; on failure, screenshots every open page. */
  async step<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      fs.mkdirSync(OUTPUT, { recursive: true });
      for (const [who, page] of this.pages) {
        const file = path.join(OUTPUT, `${this.options.name}-failed-${who}.png`);
        await page.screenshot({ path: file, fullPage: this.options.fullPageOnFailure ?? false }).catch(() => undefined);
      }
      throw error;
    }
  }

  /** A step whose duration is printed after the run. */
  async timed<T>(label: string, run: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    try {
      return await this.step(run);
    } finally {
      this.timings.push(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser.close();
    await this.server.stop();
    fs.rmSync(this.clientDir, { recursive: true, force: true });
    if (this.timings.length > 0) console.log(`${this.options.name} timings:\n${this.timings.join('\n')}`);
  }
}
