import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Annotation } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { AnnotationKit, PLAN, TRACEMONKEY } from './annotation-test-kit.js';

describe('annotations carried over to a new version', () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let k: AnnotationKit;

  beforeAll(async () => {
    k = await AnnotationKit.start(clock);
  }, 60_000);
  afterAll(() => k.close());

  const on = (list: Annotation[], from: string) => list.find((a) => a.kind === 'ink' && a.colour === from);

  it("copies each member's live annotations to the same page, marked, the ones past the end to the last page", async () => {
    const doc = await k.upload(TRACEMONKEY); // 14 pages
    const page2 = k.ink(doc.id, { page: 2, colour: '#000002' });
    const page12 = k.ink(doc.id, { page: 12, colour: '#000012' });
    const erased = k.ink(doc.id, { page: 3, colour: '#000003' });
    const lans = k.ink(doc.id, { page: 5, colour: '#000005', shared: true });
    await k.save('nam', page2, 1);
    await k.save('nam', page12, 1);
    await k.save('nam', erased, 1);
    await k.save('nam', { ...erased, deleted: true }, 2);
    await k.save('lan', lans, 1);

    const v2 = await k.newVersion(doc.id, PLAN); // 7 pages: page count changed, every copy is marked
    expect(v2.current.version).toBe(2);

    const nam = (await k.visible('nam', doc.id, 2)).annotations;
    expect(nam.map((a) => (a.kind === 'ink' ? a.colour : a.kind)).sort()).toEqual(['#000002', '#000005', '#000012']);
    expect(on(nam, '#000002')).toMatchObject({ version: 2, page: 2, fromPreviousVersion: true, rev: 1, deleted: false });
    expect(on(nam, '#000012')).toMatchObject({ version: 2, page: 7, fromPreviousVersion: true });
    expect(on(nam, '#000003')).toBeUndefined();
    expect(on(nam, '#000002')!.id).not.toBe(page2.id);
    // Lan's shared note moved too, still shared; nam sees it.
    expect(on(nam, '#000005')).toMatchObject({ page: 5, shared: true, fromPreviousVersion: true });

    // The originals stay on version 1, untouched.
    const v1 = (await k.visible('nam', doc.id, 1)).annotations;
    expect(on(v1, '#000002')).toMatchObject({ id: page2.id, version: 1, page: 2, fromPreviousVersion: false });
  }, 60_000);

  it('leaves a carried annotation unmarked when the page count and its page text did not change', async () => {
    const doc = await k.upload(PLAN);
    const draft = k.ink(doc.id, { page: 2, colour: '#000022' });
    await k.save('nam', draft, 1);
    await k.newVersion(doc.id, PLAN);
    const carried = on((await k.visible('nam', doc.id, 2)).annotations, '#000022');
    expect(carried).toMatchObject({ page: 2, fromPreviousVersion: false });
    // The owner keeps editing the copy on the new version like any annotation of theirs.
    expect(await k.save('nam', { ...draft, id: carried!.id, version: 2, colour: '#000023' }, 2)).toMatchObject({ outcome: 'applied', annotation: { rev: 2, version: 2 } });
  }, 60_000);
});
