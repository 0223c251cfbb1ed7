import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MinutesDto, SearchHitDto, SearchResultDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { MinutesKit, type ScriptedMeeting } from '../minutes/minutes-test-kit.js';
import { json } from '../testing/factories.js';
import type { Who } from '../votes/vote-test-kit.js';
import { SearchIndexer } from './search-indexer.service.js';

const PHRASE = 'Thống nhất xây dựng kho lưu trữ số Đồng Tháp Mười';

describe(`archive search: approved minutes (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T00:00:00Z'));
  let kit: MinutesKit;
  let s: ScriptedMeeting;
  const url = () => `/api/meetings/${s.meetingId}/minutes`;
  const search = async (who: Who, q: string): Promise<SearchHitDto[]> =>
    (await json<SearchResultDto>(await kit.call(who, 'GET', `/api/search?q=${encodeURIComponent(q)}`))).hits;
  const minutesHits = async (who: Who) => (await search(who, 'kho luu tru so dong thap muoi')).filter((h) => h.kind === 'minutes');

  beforeAll(async () => {
    kit = await MinutesKit.start(clock);
    s = await kit.scriptedMeeting({ end: true });
    await kit.save(s.meetingId, { 'other-business': PHRASE });
  });
  afterAll(() => kit.close());

  it('leaves a draft out of the index', async () => {
    expect(await minutesHits('secretary')).toEqual([]);
  });

  it('finds approved minutes by their text for the members, never for a guest or an outsider', async () => {
    const submitted = await json<MinutesDto>(await kit.call('secretary', 'POST', `${url()}/submit`, { version: (await kit.minutes(s.meetingId)).version }));
    await json(await kit.call('chair', 'POST', `${url()}/approve`, { version: submitted.version }));
    const [hit] = await minutesHits('nam');
    expect(hit).toMatchObject({ kind: 'minutes', id: s.meetingId, meetingId: s.meetingId, page: null, link: `/cuoc-hop/${s.meetingId}/bien-ban` });
    expect(hit.title.startsWith('Biên bản ')).toBe(true);
    expect(hit.snippet).toContain(PHRASE);
    expect(hit.highlights.map((r) => hit.snippet.slice(r.start, r.end))).toEqual(
      expect.arrayContaining(['kho', 'lưu', 'trữ', 'số', 'Đồng', 'Tháp', 'Mười']),
    );
    expect(await minutesHits('guest')).toEqual([]);
    expect(await minutesHits('outsider')).toEqual([]);
  });

  it('fills an empty index again at start from what the tables hold', async () => {
    const dataSource = kit.t.dataSource;
    await dataSource.query('DELETE FROM search_index');
    expect(await minutesHits('nam')).toEqual([]);
    await kit.t.app.get(SearchIndexer).onApplicationBootstrap();
    expect(await minutesHits('nam')).toHaveLength(1);
  });

  it('drops minutes reopened by an edit until they are approved again', async () => {
    await kit.save(s.meetingId, { 'other-business': `${PHRASE}.` });
    expect(await minutesHits('nam')).toEqual([]);
    expect(await minutesHits('chair')).toEqual([]);
  });
});
