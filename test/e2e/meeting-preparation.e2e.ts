import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Page, Response } from 'playwright-core';
import { BrowserApp, DESKTOP, norm, OUTPUT, TABLET_PORTRAIT } from '../support/browser.js';
import { ROOT } from '../support/server-process.js';

/**
 * Acceptance: "A secretary creates a meeting with two agenda items, adds participants including a guest and a
 * substitute, uploads the Vietnamese plan PDF and DOCX from the samples, publishes; a member logs in on a
 * tablet-size viewport and sees the meeting, the agenda and page 1 with its Vietnamese text; the guest does not
 * see a document not granted to guests (direct URL → 403)."
 *
 * One built app (server + client/dist, fresh SQLite), one Chromium, one browser context per person. The steps
 * share state (meeting id, agenda items, document ids) and run in order; a failing step makes the later ones fail.
 */
const SAMPLES = path.join(ROOT, 'test/fixtures/vi');
const PLAN_PDF = path.join(SAMPLES, 'ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf');
const PLAN_DOCX = path.join(SAMPLES, 'ke-hoach-cai-cach-hanh-chinh-2021-2025.docx');

const VI = {
  homeTitle: 'Cuộc họp của tôi',
  listTitle: 'Danh sách cuộc họp',
  substituteFor: (name: string) => `Dự thay cho ${name}`,
  accessDenied: 'Bạn không được phân quyền xem tài liệu này.',
  /** Really on page 1 of the plan (`pdftotext -f 1 -l 1`). */
  page1Phrases: ['KẾ HOẠCH', 'Về cải cách hành chính, giai đoạn 2021 - 2025'],
};

const NAMES = { lan: 'Phạm Thị Lan', son: 'Bùi Thanh Sơn' };

/** Vietnam wall time (UTC+7, no DST) `days` from now at `hour`:00, as a `datetime-local` value. */
function vnLocal(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(hour)}:00`;
}

// More than three weeks ahead: well past the 3-working-day short-notice rule.
const STARTS = vnLocal(22, 8);
const ENDS = vnLocal(22, 11);
const TITLE = `Phiên họp thường kỳ tháng ${STARTS.slice(5, 7)}/${STARTS.slice(0, 4)} (e2e)`;
const AGENDA = ['Kế hoạch cải cách hành chính giai đoạn 2021 - 2025', 'Thảo luận dự thảo kế hoạch triển khai (bản Word)'];

let app: BrowserApp;

// Shared between the steps.
let meetingId = '';
let users: Record<string, string> = {};
const itemIds: string[] = [];
let pdfId = '';
let docxId = '';
let secretary: Page;

beforeAll(async () => {
  for (const f of [PLAN_PDF, PLAN_DOCX]) if (!fs.existsSync(f)) throw new Error(`sample ${f} is missing`);
  app = await BrowserApp.start({ name: 'meeting-preparation', timeoutMs: 15_000, fullPageOnFailure: true });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** A fresh profile for one person, logged in through the login form. */
async function personPage(username: string, options: BrowserContextOptions, firstPath = '/'): Promise<Page> {
  return app.personPage(username, username, await app.newContext(options), firstPath, '[data-testid="logout"]');
}

function isApi(method: string, pattern: RegExp) {
  return (r: Response) => r.request().method() === method && pattern.test(new URL(r.url()).pathname);
}

/** Clicks and returns the API response the click causes; fails on a non-2xx answer with its body. */
async function clickFor(page: Page, testId: string, method: string, pattern: RegExp, timeout = 15_000): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse(isApi(method, pattern), { timeout }), page.locator(`[data-testid="${testId}"]`).click()]);
  if (!response.ok()) throw new Error(`${method} ${response.url()} → ${response.status()} ${await response.text()}`);
  return response;
}

describe('meeting preparation, end to end in the browser', () => {
  it('the secretary creates the meeting on a desktop', async () => {
    secretary = await app.timed('secretary: log in, create meeting', async () => {
      const page = await personPage('thuky', DESKTOP);
      await page.locator('[data-testid="nav-meetings"]').click();
      await page.locator('h1[data-testid="page-title"]', { hasText: VI.listTitle }).waitFor();
      await page.locator('[data-testid="create-meeting"]').click();
      await page.waitForURL('**/cuoc-hop/moi');
      await page.locator('input[name="title"]').fill(TITLE);
      await page.locator('select[name="kind"]').selectOption('regular');
      await page.locator('input[name="startsAt"]').fill(STARTS);
      await page.locator('input[name="endsAt"]').fill(ENDS);
      await page.locator('input[name="location"]').fill('Phòng họp số 1, trụ sở UBND huyện');
      await page.locator('input[name="organizer"]').fill('Ủy ban nhân dân huyện Phụng Hiệp');
      await page.locator('textarea[name="content"]').fill('Xem xét Kế hoạch cải cách hành chính giai đoạn 2021 - 2025.');
      await page.locator('textarea[name="preparation"]').fill('Các đồng chí nghiên cứu tài liệu trước phiên họp.');
      const created = await clickFor(page, 'save-meeting', 'POST', /^\/api\/meetings$/);
      meetingId = ((await created.json()) as { id: string }).id;
      // Created → straight on to "Thành phần".
      await page.waitForURL(`**/cuoc-hop/${meetingId}/chuan-bi?buoc=thanh-phan`);
      await page.locator('h1[data-testid="page-title"]', { hasText: TITLE }).waitFor();
      return page;
    });
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);

    // Usernames → ids, as the secretary's own directory (the participant picker's source) has them.
    const directory = await secretary.request.get('/api/users/directory');
    expect(directory.status()).toBe(200);
    users = Object.fromEntries(((await directory.json()) as { id: string; username: string }[]).map((u) => [u.username, u.id]));
    for (const u of ['chutich', 'pct.nam', 'pct.lan', 'cvp.son', 'tp.tuphap']) expect(users[u]).toBeTruthy();
  }, 60_000);

  it('adds the chair, two members and a guest through the participant picker', async () => {
    const page = secretary;
    await app.timed('secretary: 4 participants', async () => {
      await page.locator('[data-testid="step-participants"][aria-current="step"]').waitFor();
      const seats: [string, 'chair' | 'member' | 'guest'][] = [
        ['chutich', 'chair'],
        ['pct.nam', 'member'],
        ['pct.lan', 'member'],
        ['tp.tuphap', 'guest'], // Khách mời
      ];
      for (const [username, role] of seats) {
        // The search matches full name, position, unit and username: typing the username leaves exactly that person.
        await page.locator('input[name="participantSearch"]').fill(username);
        const person = page.locator('select[name="participantUser"]');
        await person.locator(`option[value="${users[username]}"]`).waitFor({ state: 'attached' });
        await person.locator('option').nth(1).waitFor({ state: 'detached' });
        await person.selectOption(users[username]);
        expect(await person.inputValue()).toBe(users[username]);
        await page.locator('select[name="participantRole"]').selectOption(role);
        await clickFor(page, 'add-participant', 'POST', /\/participants$/);
        await page.locator(`[data-testid="participant-row"][data-user-id="${users[username]}"][data-role="${role}"]`).waitFor();
      }
    });
    await expect(page.locator('[data-testid="participant-row"]').count()).resolves.toBe(4);
  }, 60_000);

  it('adds two agenda items', async () => {
    const page = secretary;
    await app.timed('secretary: 2 agenda items', async () => {
      await page.locator('[data-testid="step-agenda"]').click();
      await page.waitForURL('**buoc=chuong-trinh');
      for (const [i, title] of AGENDA.entries()) {
        await page.locator('input[name="agendaTitle"]').fill(title);
        await clickFor(page, 'add-agenda-item', 'POST', /\/agenda\/items$/);
        const row = page.locator(`[data-testid="agenda-item"][data-number="${i + 1}"]`);
        await row.filter({ hasText: title }).waitFor();
        itemIds.push((await row.getAttribute('data-id')) ?? '');
      }
    });
    expect(itemIds).toHaveLength(2);
    expect(itemIds.every(Boolean)).toBe(true);
    await expect(page.locator('[data-testid="agenda-item"]').count()).resolves.toBe(2);
  }, 30_000);

  it('uploads the plan as PDF (item 1) and DOCX (item 2) through the file input', async () => {
    const page = secretary;
    await page.locator('[data-testid="step-documents"]').click();
    await page.waitForURL('**buoc=tai-lieu');
    // The agenda select is filled from its own request: wait until both items are offered.
    await page.locator(`select[name="agendaItemId"] option[value="${itemIds[1]}"]`).waitFor({ state: 'attached' });

    const upload = async (file: string, itemId: string, summary: string, issuedOn: string, expectProgress: boolean): Promise<string> => {
      await page.locator('input[type="file"][name="file"]').setInputFiles(file);
      await page.locator('select[name="docType"]').selectOption('ke_hoach');
      await page.locator('input[name="number"]').fill('45');
      await page.locator('input[name="symbol"]').fill('KH-UBND');
      await page.locator('input[name="issuedOn"]').fill(issuedOn);
      await page.locator('input[name="issuer"]').fill('UBND huyện Phụng Hiệp');
      await page.locator('input[name="summary"]').fill(summary);
      await page.locator('select[name="classification"]').selectOption('none');
      await page.locator('select[name="agendaItemId"]').selectOption(itemId);
      // Default audience "all participants": members, chair and substitutes; guests only with an explicit grant.
      await expect(page.locator('input[type="radio"][name="audience"][value="participants"]').isChecked()).resolves.toBe(true);
      await expect(page.locator('input[name="grantedUserIds"]').count()).resolves.toBe(0);
      // A DOCX goes through LibreOffice on the server (seconds): the form shows the progress bar meanwhile. A PDF may
      // be checked too fast for the bar to be seen reliably, so it is asserted for the DOCX only.
      const progress = expectProgress ? page.locator('[data-testid="upload-progress"]').waitFor({ timeout: 60_000 }) : Promise.resolve();
      progress.catch(() => undefined); // awaited below; never an unhandled rejection if the upload fails first
      await clickFor(page, 'upload-document', 'POST', new RegExp(`^/api/meetings/${meetingId}/documents$`), 60_000);
      await progress;
      // The id from the row the list shows (Chromium may already have evicted the XHR's response body).
      const row = page.locator('[data-testid="document-row"]').filter({ hasText: summary });
      await row.waitFor({ timeout: 30_000 });
      const id = (await row.getAttribute('data-document-id')) ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      return id;
    };

    pdfId = await app.timed('secretary: upload PDF', () =>
      upload(PLAN_PDF, itemIds[0], 'Kế hoạch cải cách hành chính, giai đoạn 2021 - 2025', '2021-03-15', false),
    );
    docxId = await app.timed('secretary: upload DOCX (LibreOffice)', () =>
      upload(PLAN_DOCX, itemIds[1], 'Dự thảo Kế hoạch cải cách hành chính (bản Word)', '2021-03-10', true),
    );
    const pdfRow = page.locator(`[data-testid="document-row"][data-document-id="${pdfId}"]`);
    const docxRow = page.locator(`[data-testid="document-row"][data-document-id="${docxId}"]`);
    expect(norm(await pdfRow.innerText())).toContain(`1. ${AGENDA[0]}`);
    expect(norm(await docxRow.innerText())).toContain(`2. ${AGENDA[1]}`);
    // The DOCX keeps its original for download; the PDF does not need one.
    await expect(docxRow.locator('[data-testid="download-original"]').count()).resolves.toBe(1);
    await expect(pdfRow.locator('[data-testid="download-original"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="document-row"]').count()).resolves.toBe(2);
  }, 120_000);

  it('the chair approves the agenda and the secretary publishes', async () => {
    await app.timed('chair: log in, approve agenda', async () => {
      // Drafts are not in the chair's list; the chair opens the meeting by its address (as from a notification).
      const chair = await personPage('chutich', DESKTOP, `/cuoc-hop/${meetingId}`);
      await chair.locator('h1[data-testid="page-title"]', { hasText: TITLE }).waitFor();
      await clickFor(chair, 'approve-agenda', 'POST', /\/agenda\/approve$/);
      await chair.locator('[data-testid="approve-agenda"]').waitFor({ state: 'detached' });
      app.noPageErrors('chutich');
    });

    const page = secretary;
    await app.timed('secretary: publish', async () => {
      await page.goto(`/cuoc-hop/${meetingId}/chuan-bi?buoc=phat-hanh`);
      for (const check of ['check-chair', 'check-agenda', 'check-documents']) {
        await page.locator(`[data-testid="${check}"][data-ok="true"]`).waitFor();
      }
      const invitation = page.locator('[data-testid="invitation-preview"]');
      await invitation.waitFor();
      const text = norm(await invitation.innerText());
      expect(text).toContain(`1. ${AGENDA[0]}`);
      expect(text).toContain(`2. ${AGENDA[1]}`);
      expect(text).toContain('Khách mời');

      const [response] = await Promise.all([page.waitForResponse(isApi('POST', /\/publish$/)), page.locator('[data-testid="publish-meeting"]').click()]);
      if (response.status() === 409) {
        // Fewer than 3 working days' notice (cannot happen 3 weeks ahead, but the dialog is the UI's answer).
        await clickFor(page, 'confirm-short-notice', 'POST', /\/publish$/);
      } else if (!response.ok()) {
        throw new Error(`publish → ${response.status()} ${await response.text()}`);
      }
      await page.locator('[data-testid="published-on"]').waitFor();
      await page.locator('[data-testid="publish-meeting"]').waitFor({ state: 'detached' });
      const delivery = page.locator('[data-testid="delivery-table"]');
      await delivery.waitFor();
      for (const u of ['chutich', 'pct.nam', 'pct.lan', 'tp.tuphap']) {
        await delivery.locator(`[data-testid="delivery-row"][data-user-id="${users[u]}"]`).waitFor();
      }
    });
  }, 60_000);

  it('a member delegates attendance: the substitute sees the meeting marked "dự thay"', async () => {
    // "Adds participants including … a substitute": a substitute is not picked by the secretary but named by the
    // member who cannot attend (cử người dự thay), which the server accepts only once the meeting is published.
    await app.timed('pct.lan: delegate to cvp.son (RSVP box)', async () => {
      const lan = await personPage('pct.lan', DESKTOP, `/cuoc-hop/${meetingId}`);
      const box = lan.locator('[data-testid="rsvp-box"]');
      await box.waitFor();
      // "Cử người dự thay" is offered only once the server has named candidates.
      await box.locator('input[name="rsvp"][value="delegated"]').check();
      const substitute = box.locator('select[name="substituteUserId"]');
      await substitute.locator(`option[value="${users['cvp.son']}"]`).waitFor({ state: 'attached' });
      await substitute.selectOption(users['cvp.son']);
      await box.locator('textarea[name="rsvpReason"]').fill('Đi công tác tỉnh.');
      await clickFor(lan, 'submit-rsvp', 'POST', /\/rsvp$/);
      const state = box.locator('[data-testid="rsvp-state"][data-rsvp="delegated"]');
      await state.waitFor();
      expect(norm(await state.innerText())).toContain(NAMES.son);
      app.noPageErrors('pct.lan');
    });

    await app.timed('cvp.son: sees the meeting as substitute', async () => {
      const son = await personPage('cvp.son', DESKTOP);
      await son.locator('h1[data-testid="page-title"]', { hasText: VI.homeTitle }).waitFor();
      const card = son.locator(`[data-testid="meeting-card"][data-meeting-id="${meetingId}"]`);
      await card.waitFor();
      expect(norm(await card.innerText())).toContain(TITLE);
      expect(norm(await card.locator('.substitute-note').innerText())).toContain(VI.substituteFor(NAMES.lan));
      // The substitute holds the seat's rights: the agenda and both documents.
      await card.click();
      await son.waitForURL(`**/cuoc-hop/${meetingId}`);
      expect(norm(await son.locator('[data-testid="meeting-facts"]').innerText())).toContain(VI.substituteFor(NAMES.lan));
      await son.locator(`[data-testid="document-row"][data-document-id="${pdfId}"]`).waitFor();
      await son.locator(`[data-testid="document-row"][data-document-id="${docxId}"]`).waitFor();
      app.noPageErrors('cvp.son');
    });

    await app.timed('secretary: substitute in the participants list', async () => {
      await secretary.goto(`/cuoc-hop/${meetingId}/chuan-bi?buoc=thanh-phan`);
      const row = secretary.locator(`[data-testid="participant-row"][data-user-id="${users['pct.lan']}"]`);
      const state = row.locator('[data-testid="rsvp-state"][data-rsvp="delegated"]');
      await state.waitFor();
      expect(norm(await state.innerText())).toContain(NAMES.son);
    });
  }, 90_000);

  it('a member on a tablet sees the meeting, the agenda and page 1 of the plan with its Vietnamese text', async () => {
    const member = await app.timed('pct.nam (tablet): log in, open meeting', async () => {
      const page = await personPage('pct.nam', TABLET_PORTRAIT);
      await page.locator('h1[data-testid="page-title"]', { hasText: VI.homeTitle }).waitFor();
      const card = page.locator(`[data-testid="meeting-card"][data-meeting-id="${meetingId}"]`);
      await card.waitFor();
      expect(norm(await card.innerText())).toContain(TITLE);
      await card.tap();
      await page.waitForURL(`**/cuoc-hop/${meetingId}`);
      await page.locator('h1[data-testid="page-title"]', { hasText: TITLE }).waitFor();
      return page;
    });

    for (const [i, title] of AGENDA.entries()) {
      const item = member.locator(`[data-testid="agenda-item"][data-number="${i + 1}"]`);
      await item.waitFor();
      expect(norm(await item.innerText())).toContain(title);
    }
    await expect(member.locator('[data-testid="agenda-item"]').count()).resolves.toBe(2);
    // Each document sits under its own agenda item.
    await member.locator(`[data-testid="agenda-item"][data-number="1"] [data-testid="document-row"][data-document-id="${pdfId}"]`).waitFor();
    await member.locator(`[data-testid="agenda-item"][data-number="2"] [data-testid="document-row"][data-document-id="${docxId}"]`).waitFor();

    await app.timed('pct.nam (tablet): open PDF, page 1 rendered', async () => {
      await member.locator(`[data-testid="document-row"][data-document-id="${pdfId}"] [data-testid="open-document"]`).tap();
      await member.waitForURL(`**/tai-lieu/${pdfId}`);
      const page1 = member.locator('[data-testid="pdf-page"][data-page-number="1"][data-rendered="true"]');
      await page1.waitFor({ timeout: 30_000 });
      const text = norm((await page1.locator('.textLayer').textContent()) ?? '');
      for (const phrase of VI.page1Phrases) expect(text).toContain(phrase);
      await expect(member.locator('[data-testid="pdf-page"]').count()).resolves.toBe(7);
      expect(norm(await member.locator('[data-testid="page-indicator"]').innerText())).toBe('Trang 1/7');
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
    await member.screenshot({ path: path.join(OUTPUT, 'member-reader.png') });
    app.noPageErrors('pct.nam');
  }, 60_000);

  it('the guest sees the meeting but not the documents for participants (direct URL → 403)', async () => {
    await app.timed('tp.tuphap (guest): meeting without the plan, 403', async () => {
      const guest = await personPage('tp.tuphap', DESKTOP);
      await guest.locator('h1[data-testid="page-title"]', { hasText: VI.homeTitle }).waitFor();
      const card = guest.locator(`[data-testid="meeting-card"][data-meeting-id="${meetingId}"]`);
      await card.waitFor();
      expect(norm(await card.innerText())).toContain('Khách mời');
      await card.click();
      await guest.waitForURL(`**/cuoc-hop/${meetingId}`);
      // The agenda view renders only once both the agenda and the documents have loaded.
      await guest.locator('[data-testid="agenda-list"]').waitFor();
      await expect(guest.locator('[data-testid="agenda-item"]').count()).resolves.toBe(2);
      await expect(guest.locator('[data-testid="document-row"]').count()).resolves.toBe(0);
      await expect(guest.locator('[data-testid="open-document"]').count()).resolves.toBe(0);
      expect(norm(await guest.locator('main, body').first().innerText())).not.toContain('Kế hoạch cải cách hành chính, giai đoạn');

      // The API with the guest's own cookies.
      const list = await guest.request.get(`/api/meetings/${meetingId}/documents`);
      expect(list.status()).toBe(200);
      expect(await list.json()).toEqual([]);
      for (const id of [pdfId, docxId]) {
        const file = await guest.request.get(`/api/documents/${id}/file`);
        expect(file.status()).toBe(403);
        expect(((await file.json()) as { code: string }).code).toBe('DOCUMENT_ACCESS_DENIED');
      }

      // The reader by its address: an error, not the document.
      await guest.goto(`/tai-lieu/${pdfId}`);
      const alert = guest.locator('[role="alert"]').filter({ hasText: VI.accessDenied });
      await alert.waitFor();
      await expect(guest.locator('[data-testid="pdf-page"]').count()).resolves.toBe(0);
      app.noPageErrors('tp.tuphap');
    });
    app.noPageErrors('thuky');
  }, 45_000);
});
