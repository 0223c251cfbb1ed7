import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { tid } from './browser.js';

/** Drawing on the reader's annotation layer the way a finger or a pen does (pointer events from the mouse). */
export const layer = (page: Page, n: number): Locator => page.locator(`[data-testid="annotation-layer"][data-page-number="${n}"]`);

/** The part of page n's layer that is inside the viewer (where the member can touch it). */
export async function visibleArea(page: Page, n: number) {
  const l = await layer(page, n).boundingBox();
  const v = await tid(page, 'pdf-viewer').boundingBox();
  if (!l || !v) throw new Error(`page ${n} is not shown`);
  const top = Math.max(l.y, v.y) + 20;
  const bottom = Math.min(l.y + l.height, v.y + v.height) - 20;
  expect(bottom - top).toBeGreaterThan(80);
  return { left: l.x + 40, right: l.x + l.width - 40, top, bottom };
}

/** A stroke with the pen (pointer events from the mouse), in the visible part of page n; `at` 0..1 down that part. */
export async function drawStroke(page: Page, n: number, at = 0.3): Promise<void> {
  const a = await visibleArea(page, n);
  const y = a.top + (a.bottom - a.top) * at;
  await page.mouse.move(a.left + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(a.left + 20 + i * 15, y + Math.sin(i / 2) * 10);
  await page.mouse.up();
}

export async function addNote(page: Page, n: number, text: string, at = 0.7): Promise<void> {
  await tid(page, 'tool-note').tap();
  const a = await visibleArea(page, n);
  await page.mouse.click(a.left + (a.right - a.left) * 0.6, a.top + (a.bottom - a.top) * at);
  await tid(page, 'note-text').fill(text);
  await tid(page, 'note-save').tap();
  await tid(page, 'note-editor').waitFor({ state: 'detached' });
}
