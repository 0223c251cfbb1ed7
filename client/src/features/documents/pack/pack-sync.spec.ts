import { describe, expect, it } from '@jest/globals';
import { packFileUrl, parsePackFileUrl, relativeUrl } from './pack-store';
import { deliveredItems, packMeetings, planDownloads, PackSyncEngine, staleUrls, type PackDocument, type PackMeeting } from './pack-sync';

const meeting = (id: string, startsAt: string, status: PackMeeting['status'] = 'published', myRole: PackMeeting['myRole'] = 'member'): PackMeeting => ({
  id,
  startsAt,
  status,
  myRole,
});
const doc = (id: string, version: number, sizeBytes: number): PackDocument => ({ id, current: { version, sizeBytes, pdfSha256: 'x' } });

describe('pack file URLs', () => {
  it('round-trips the versioned URL, absolute or relative', () => {
    const url = packFileUrl('d1', 3);
    expect(url).toBe('/api/documents/d1/file?v=3');
    expect(parsePackFileUrl(url)).toEqual({ documentId: 'd1', version: 3 });
    expect(parsePackFileUrl('https://phonghop.local/api/documents/d1/file?v=3')).toEqual({ documentId: 'd1', version: 3 });
    expect(relativeUrl('https://phonghop.local/api/documents/d1/file?v=3')).toBe(url);
    expect(parsePackFileUrl('/api/documents/d1/original?v=3')).toBeNull();
  });
});

describe('packMeetings', () => {
  it('keeps the packs from the invitation until the meeting is archived: the live one first, then by start, ended ones last (latest first)', () => {
    const list = packMeetings([
      meeting('later', '2026-05-20T01:00:00Z'),
      meeting('draft', '2026-05-01T01:00:00Z', 'draft'),
      meeting('cancelled', '2026-05-01T01:00:00Z', 'cancelled'),
      meeting('archived', '2026-04-01T01:00:00Z', 'archived'),
      meeting('ended-april', '2026-04-10T01:00:00Z', 'ended'),
      meeting('staff-only', '2026-05-01T01:00:00Z', 'published', null),
      meeting('sooner', '2026-05-10T01:00:00Z'),
      meeting('ended-may', '2026-05-02T01:00:00Z', 'ended'),
      meeting('live', '2026-05-30T01:00:00Z', 'in_progress'),
    ]);
    expect(list.map((m) => m.id)).toEqual(['live', 'sooner', 'later', 'ended-may', 'ended-april']);
  });
});

describe('planDownloads', () => {
  const meetings = [meeting('B', '2026-05-20T01:00:00Z'), meeting('A', '2026-05-10T01:00:00Z'), meeting('NOW', '2026-06-01T01:00:00Z', 'in_progress')];
  const docs = {
    A: [doc('a-big', 1, 5_000_000), doc('a-small', 2, 100_000), doc('a-mid', 1, 900_000)],
    B: [doc('b1', 1, 10)],
    NOW: [doc('n-big', 4, 9_000_000), doc('n-small', 1, 2_000)],
  };

  it('orders the current meeting first and smaller files first within a meeting', () => {
    const plan = planDownloads(meetings, docs, []);
    expect(plan.map((p) => p.documentId)).toEqual(['n-small', 'n-big', 'a-small', 'a-mid', 'a-big', 'b1']);
    expect(plan[1]).toEqual({ meetingId: 'NOW', documentId: 'n-big', version: 4, url: '/api/documents/n-big/file?v=4', sizeBytes: 9_000_000, pdfSha256: 'x' });
  });

  it('skips versions already cached but not older ones', () => {
    const plan = planDownloads(meetings, docs, ['/api/documents/n-small/file?v=1', '/api/documents/a-small/file?v=1', '/api/documents/b1/file?v=1']);
    expect(plan.map((p) => p.url)).toEqual([
      '/api/documents/n-big/file?v=4',
      '/api/documents/a-small/file?v=2',
      '/api/documents/a-mid/file?v=1',
      '/api/documents/a-big/file?v=1',
    ]);
  });

  it('accepts a Map, ignores meetings without a pack, and plans nothing when everything is cached', () => {
    const map = new Map(Object.entries(docs));
    const all = planDownloads(meetings, map, []).map((p) => p.url);
    expect(planDownloads(meetings, map, all)).toEqual([]);
    expect(planDownloads([meeting('A', '2026-05-10T01:00:00Z', 'draft')], map, [])).toEqual([]);
    expect(planDownloads([meeting('X', '2026-05-10T01:00:00Z')], map, [])).toEqual([]);
  });

  it('ties on size are broken by id, so the order is stable', () => {
    const plan = planDownloads([meeting('M', '2026-05-10T01:00:00Z')], { M: [doc('z', 1, 5), doc('a', 1, 5)] }, []);
    expect(plan.map((p) => p.documentId)).toEqual(['a', 'z']);
  });
});

describe('deliveredItems and staleUrls', () => {
  const docs = { M: [doc('d1', 2, 10), doc('d2', 1, 10)] };
  const cached = new Set(['/api/documents/d1/file?v=1', '/api/documents/d1/file?v=2', '/api/documents/gone/file?v=1', '/other']);

  it('reports only current versions that are really stored', () => {
    expect(deliveredItems(docs.M, cached)).toEqual([{ documentId: 'd1', version: 2 }]);
  });

  it('drops replaced versions always, unknown documents only when every meeting was listed', () => {
    expect(staleUrls(cached, docs, ['M'], true).sort()).toEqual(['/api/documents/d1/file?v=1', '/api/documents/gone/file?v=1']);
    expect(staleUrls(cached, docs, ['M'], false)).toEqual(['/api/documents/d1/file?v=1']);
  });
});

describe('PackSyncEngine', () => {
  function setup(options: { failFirst?: boolean; available?: boolean } = {}) {
    const stored = new Map<string, Response>([['/api/documents/old/file?v=1', new Response('old')]]);
    const reports: Array<{ meetingId: string; items: Array<{ documentId: string; version: number }> }> = [];
    let calls = 0;
    const engine = new PackSyncEngine({
      listMeetings: async () => [meeting('M', '2026-05-10T01:00:00Z')],
      listDocuments: async () => [doc('d1', 1, 4), doc('d2', 3, 2)],
      store: {
        available: () => options.available ?? true,
        keys: async () => [...stored.keys()],
        put: async (url, res) => (stored.set(url, res), true),
        delete: async (url) => void stored.delete(url),
        usage: async () => ({ usedBytes: 6, quotaBytes: 100 }),
      },
      download: async (item, _signal, onBytes) => {
        calls += 1;
        if (options.failFirst && calls === 1) throw new Error('network');
        onBytes(item.sizeBytes);
        return new Response('x'.repeat(item.sizeBytes));
      },
      report: async (meetingId, items) => (reports.push({ meetingId, items }), true),
      isOnline: () => true,
      backoffMs: [5],
    });
    return { engine, stored, reports };
  }

  const settle = async (engine: PackSyncEngine, phases: string[]) => {
    for (let i = 0; i < 200 && !phases.includes(engine.getSnapshot().phase); i++) await new Promise((r) => setTimeout(r, 2));
  };

  it('downloads what is missing, prunes stale files, reports after each file and ends done', async () => {
    const { engine, stored, reports } = setup();
    engine.start();
    engine.requestSync();
    await settle(engine, ['done']);
    engine.stop();
    expect([...stored.keys()].sort()).toEqual(['/api/documents/d1/file?v=1', '/api/documents/d2/file?v=3']);
    expect(reports.map((r) => r.items.map((i) => i.documentId))).toEqual([['d2'], ['d1', 'd2']]);
    expect(engine.getSnapshot()).toMatchObject({ phase: 'done', total: 2, completed: 2, bytesDone: 6, meetingsReady: 1, meetingCount: 1 });
  });

  it('retries after a failed download and reports only what is stored', async () => {
    const { engine, reports } = setup({ failFirst: true });
    engine.start();
    engine.requestSync();
    await settle(engine, ['done']);
    engine.stop();
    expect(reports[0].items).toEqual([{ documentId: 'd1', version: 1 }]);
    expect(reports.at(-1)?.items).toEqual([
      { documentId: 'd1', version: 1 },
      { documentId: 'd2', version: 3 },
    ]);
  });

  it('does nothing and reports nothing without Cache Storage', async () => {
    const { engine, reports } = setup({ available: false });
    engine.start();
    engine.requestSync();
    await settle(engine, ['unavailable']);
    engine.stop();
    expect(engine.getSnapshot().phase).toBe('unavailable');
    expect(reports).toEqual([]);
  });
});
