import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeClock } from '../common/clock.js';
import { documentMeta } from '../testing/factories.js';
import { AnnotationKit, type Inbox, PLAN } from './annotation-test-kit.js';

describe('annotations', () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let k: AnnotationKit;
  let documentId: string;

  beforeAll(async () => {
    k = await AnnotationKit.start(clock);
    documentId = (await k.upload(PLAN)).id;
  }, 60_000);
  afterAll(() => k.close());

  it('saves a stroke and gives it back on reload, private and at rev 1', async () => {
    const draft = k.ink(documentId);
    const saved = await k.save('nam', draft, 1);
    expect(saved).toMatchObject({ ok: true, outcome: 'applied', annotation: { id: draft.id, rev: 1, shared: false, deleted: false, fromPreviousVersion: false, page: 2 } });
    const { annotations } = await k.visible('nam', documentId);
    expect(annotations.find((a) => a.id === draft.id)).toMatchObject({ kind: 'ink', tool: 'pen', points: [[0.1, 0.2, 0.5], [0.3, 0.4, 0.6]] });
  });

  it('applies a retried change once: same rev and key is acknowledged as a duplicate, one row', async () => {
    const draft = k.ink(documentId, { kind: 'note', x: 0.5, y: 0.5, text: 'Hỏi lại số liệu', tool: undefined, points: undefined, width: undefined });
    const key = randomUUID();
    const first = await k.save('nam', draft, 1, key);
    clock.advance(1000);
    const retry = await k.save('nam', draft, 1, key);
    expect(retry).toMatchObject({ outcome: 'duplicate', annotation: { rev: 1, updatedAt: first.annotation.updatedAt } });
    expect(await k.rows(draft.id)).toHaveLength(1);
  });

  it('ignores an older rev that arrives after a newer one and answers with the stored copy', async () => {
    const draft = k.ink(documentId);
    await k.save('nam', draft, 1);
    await k.save('nam', { ...draft, colour: '#dc2626' }, 3);
    const late = await k.save('nam', { ...draft, colour: '#16a34a' }, 2);
    expect(late).toMatchObject({ outcome: 'stale', annotation: { rev: 3, colour: '#dc2626' } });
    const { annotations } = await k.visible('nam', documentId);
    expect(annotations.find((a) => a.id === draft.id)).toMatchObject({ rev: 3, colour: '#dc2626' });
  });

  it('deletes by tombstone: gone from a load, present in a sync, the row kept, and a later edit ignored', async () => {
    const draft = k.ink(documentId);
    await k.save('nam', draft, 1);
    const cursor = (await k.visible('nam', documentId)).cursor;
    clock.advance(1000);
    expect(await k.save('nam', { ...draft, deleted: true }, 2)).toMatchObject({ outcome: 'applied', annotation: { deleted: true, rev: 2 } });
    expect((await k.visible('nam', documentId)).annotations.map((a) => a.id)).not.toContain(draft.id);
    expect((await k.visible('nam', documentId, 1, cursor)).annotations.find((a) => a.id === draft.id)).toMatchObject({ deleted: true, rev: 2 });
    expect(await k.save('nam', { ...draft, colour: '#dc2626' }, 5)).toMatchObject({ outcome: 'stale', annotation: { deleted: true, rev: 2 } });
    expect(await k.rows(draft.id)).toMatchObject([{ deleted: true, rev: 2 }]);
  });

  describe('live', () => {
    let nam2: Inbox;
    let lan: Inbox;
    let namFirst: Inbox;

    beforeAll(async () => {
      namFirst = await k.connect('nam');
      nam2 = await k.connect('nam');
      lan = await k.connect('lan');
    });

    it("reaches the owner's other device live, and no other member while private", async () => {
      const secret = k.ink(documentId);
      await k.save('nam', secret, 1);
      await nam2.until((r) => r.event === 'changed' && r.annotation.id === secret.id);
      expect((await k.visible('lan', documentId)).annotations.map((a) => a.id)).not.toContain(secret.id);
      // A later shared change reaches lan: the private one, sent before it on the same connection, never did.
      const open = k.ink(documentId, { shared: true });
      await k.save('nam', open, 1);
      await lan.until((r) => r.event === 'changed' && r.annotation.id === open.id);
      expect(lan.about(secret.id)).toEqual([]);
      expect(namFirst.about(secret.id)).toHaveLength(1);
    });

    it('shows a shared annotation to another member, live and on load, and withdraws it when unshared', async () => {
      const draft = k.ink(documentId, { kind: 'highlight', colour: '#facc15', rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }], quote: 'cải cách hành chính', tool: undefined, points: undefined, width: undefined });
      await k.save('nam', draft, 1);
      const cursor = (await k.visible('lan', documentId)).cursor;
      clock.advance(1000);
      await k.save('nam', { ...draft, shared: true }, 2);
      await lan.until((r) => r.event === 'changed' && r.annotation.id === draft.id);
      expect((await k.visible('lan', documentId)).annotations.find((a) => a.id === draft.id)).toMatchObject({ quote: 'cải cách hành chính', shared: true });

      await k.save('nam', { ...draft, shared: false }, 3);
      const withdrawn = await lan.until((r) => r.event === 'withdrawn' && r.withdrawn.id === draft.id);
      expect(withdrawn).toEqual({ event: 'withdrawn', withdrawn: { id: draft.id, documentId, version: 1, ownerId: expect.any(String) } });
      expect((await k.visible('lan', documentId)).annotations.map((a) => a.id)).not.toContain(draft.id);
      const sync = await k.visible('lan', documentId, 1, cursor);
      expect(sync.gone).toContain(draft.id);
      expect(sync.annotations.map((a) => a.id)).not.toContain(draft.id);
    });

    it("withdraws a shared annotation from others' tablets when its owner deletes it", async () => {
      const draft = k.ink(documentId, { shared: true });
      await k.save('nam', draft, 1);
      await lan.until((r) => r.event === 'changed' && r.annotation.id === draft.id);
      await k.save('nam', { ...draft, deleted: true }, 2);
      await lan.until((r) => r.event === 'withdrawn' && r.withdrawn.id === draft.id);
    });
  });

  describe('refusals', () => {
    it("refuses a write to another member's annotation, shared or not, and changes nothing", async () => {
      const draft = k.ink(documentId, { shared: true });
      await k.save('nam', draft, 1);
      const res = await k.put('lan', { ...draft, colour: '#dc2626' }, 9);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'ANNOTATION_NOT_OWNER', message: expect.stringMatching(/người tạo/) });
      expect(await k.rows(draft.id)).toMatchObject([{ rev: 1, body: { colour: '#1d4ed8' } }]);
    });

    it('answers 404 to someone outside the meeting and 403 to a guest without a grant, for reads and writes', async () => {
      const outsider = await k.list('outsider', documentId);
      expect(outsider.status).toBe(404);
      expect(await outsider.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await k.put('outsider', k.ink(documentId), 1)).status).toBe(404);
      const guest = await k.list('guest', documentId);
      expect(guest.status).toBe(403);
      expect(await guest.json()).toMatchObject({ code: 'DOCUMENT_ACCESS_DENIED' });
      expect((await k.put('guest', k.ink(documentId), 1)).status).toBe(403);
    });

    it('keeps a shared annotation of a selected document from members who were not granted it, live too', async () => {
      const lan = await k.connect('lan');
      const selected = await k.upload(PLAN, documentMeta({ audience: 'selected', grantedUserIds: [] }));
      const hidden = k.ink(selected.id, { shared: true });
      await k.save('chair', hidden, 1);
      expect((await k.list('lan', selected.id)).status).toBe(403);
      const open = k.ink(documentId, { shared: true });
      await k.save('chair', open, 1);
      await lan.until((r) => r.event === 'changed' && r.annotation.id === open.id);
      expect(lan.about(hidden.id)).toEqual([]);
    });

    it('refuses a page the version does not have, an id that is not the address, and a change of kind', async () => {
      const beyond = await k.put('nam', k.ink(documentId, { page: 8 }), 1);
      expect(beyond.status).toBe(422);
      expect(await beyond.json()).toMatchObject({ code: 'ANNOTATION_PAGE_OUT_OF_RANGE' });
      const draft = k.ink(documentId);
      const mismatch = await k.t.request('PUT', `/api/annotations/${randomUUID()}`, { cookie: k.cookies.nam, body: { idempotencyKey: randomUUID(), rev: 1, annotation: draft } });
      expect(mismatch.status).toBe(400);
      await k.save('nam', draft, 1);
      const rekind = await k.put('nam', { ...draft, kind: 'note', x: 0.5, y: 0.5, text: 'x', tool: undefined, points: undefined, width: undefined }, 2);
      expect(rekind.status).toBe(409);
      expect(await rekind.json()).toMatchObject({ code: 'ANNOTATION_IMMUTABLE' });
    });

    it('refuses an invalid body with the field that is wrong', async () => {
      const res = await k.put('nam', k.ink(documentId, { points: [[1.5, 0.2]] }), 1);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { 'annotation.points.0.0': expect.any(String) } });
    });
  });
});
