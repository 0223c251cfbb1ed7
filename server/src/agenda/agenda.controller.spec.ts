import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AgendaDto, DocumentDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

describe('agenda', () => {
  let t: TestApp;
  let f: Fixtures;
  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock() });
    f = await Fixtures.create(t);
  });
  afterAll(() => t.close());

  it('numbers sub-items, reorders by the whole order, and refuses a third level', async () => {
    const meeting = await f.meeting();
    const a = await f.agendaItem(meeting.id, 'Khai mạc');
    const b = await f.agendaItem(meeting.id, 'Báo cáo');
    const b1 = await f.agendaItem(meeting.id, 'Báo cáo của Phòng Nội vụ', { parentId: b });
    const deep = await t.request('POST', `/api/meetings/${meeting.id}/agenda/items`, { cookie: f.secretary, body: { title: 'Cấp ba', parentId: b1 } });
    expect(((await deep.json()) as { code: string }).code).toBe('AGENDA_NESTING_TOO_DEEP');
    const reordered = await json<AgendaDto>(
      await t.request('PUT', `/api/meetings/${meeting.id}/agenda/order`, {
        cookie: f.secretary,
        body: { order: [{ id: b, parentId: null }, { id: b1, parentId: b }, { id: a, parentId: null }] },
      }),
    );
    expect(reordered.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Báo cáo', '1.1 Báo cáo của Phòng Nội vụ', '2 Khai mạc']);
  });

  it('removes an item with its sub-items and keeps their documents in the pack, unattached', async () => {
    const meeting = await f.meeting();
    const keep = await f.agendaItem(meeting.id, 'Khai mạc');
    const parent = await f.agendaItem(meeting.id, 'Tờ trình');
    const child = await f.agendaItem(meeting.id, 'Tờ trình số 12', { parentId: parent });
    const upload = await t.request('POST', `/api/meetings/${meeting.id}/documents`, {
      cookie: f.secretary,
      body: fixture('pdfs/helloworld-bad.pdf'),
      headers: {
        'content-type': 'application/pdf',
        'x-file-name': 'to-trinh.pdf',
        'x-document-metadata': encodeURIComponent(JSON.stringify({ docType: 'to_trinh', summary: 'Tờ trình số 12', agendaItemId: child })),
      },
    });
    const doc = await json<DocumentDto>(upload, 201);
    const agenda = await json<AgendaDto>(await t.request('DELETE', `/api/meetings/${meeting.id}/agenda/items/${parent}`, { cookie: f.secretary }));
    expect(agenda.items.map((i) => i.id)).toEqual([keep]);
    const after = await json<DocumentDto>(await t.request('GET', `/api/documents/${doc.id}`, { cookie: f.secretary }));
    expect(after.agendaItemId).toBeNull();
  });
});
