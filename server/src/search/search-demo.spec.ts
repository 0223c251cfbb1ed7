import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SearchResultDto } from '@phonghop/shared';
import { json } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

describe(`archive search over the demo meeting (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DEMO_MEETING: 'true' } });
  }, 60_000);
  afterAll(() => t.close());

  it('finds the demo meeting\'s agenda item and the plan\'s page from "phong hop khong giay"', async () => {
    const member = await t.login('pct.nam');
    const { hits } = await json<SearchResultDto>(await t.request('GET', '/api/search?q=phong+hop+khong+giay', { cookie: member }));
    expect(hits.find((h) => h.kind === 'agenda_item')).toMatchObject({ title: 'Kết quả triển khai phòng họp không giấy cấp huyện' });
    const doc = hits.find((h) => h.kind === 'document')!;
    expect(doc.snippet).toContain('phòng họp không giấy');
    expect(doc.link).toBe(`/tai-lieu/${doc.id}?page=${doc.page}`);
  });
});
