import { describe, expect, it } from '@jest/globals';
import type { MinutesSaveResultDto } from '@phonghop/shared';
import { Autosaver } from './autosave';

interface Call {
  version: number;
  notes: Record<string, string | null>;
  resolve: (r: MinutesSaveResultDto) => void;
  reject: (e: unknown) => void;
}

/** An autosaver on a hand-driven clock and a server whose answers the test gives. */
function setup(notes: Record<string, string> = {}) {
  const calls: Call[] = [];
  const timers = new Map<number, () => void>();
  let next = 0;
  const saver = new Autosaver(
    { version: 3, notes },
    {
      delayMs: 800,
      isConflict: (e) => e === 'conflict',
      save: (version, n) => new Promise((resolve, reject) => calls.push({ version, notes: n, resolve, reject })),
      schedule: (run) => {
        timers.set(++next, run);
        return next;
      },
      cancel: (h) => timers.delete(h as number),
    },
  );
  const elapse = () => {
    const due = [...timers.values()];
    timers.clear();
    for (const run of due) run();
  };
  const answer = async (i: number, version: number) => {
    calls[i].resolve({ version, status: 'draft', savedAt: `2026-12-15T02:41:0${i}Z`, changed: Object.keys(calls[i].notes) });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { saver, calls, elapse, answer, timers };
}

describe('Autosaver', () => {
  it('saves once after a quiet spell, with the version it started from', async () => {
    const { saver, calls, elapse, answer } = setup();
    saver.change('other-business', 'K');
    saver.change('other-business', 'Không');
    expect(saver.view.status).toBe('pending');
    expect(calls).toHaveLength(0);
    elapse();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ version: 3, notes: { 'other-business': 'Không' } });
    expect(saver.view.status).toBe('saving');
    await answer(0, 4);
    expect(saver.view).toMatchObject({ status: 'saved', version: 4, savedAt: '2026-12-15T02:41:00Z', minutesStatus: 'draft' });
    expect(saver.view.notes['other-business']).toBe('Không');
  });

  it('sends an emptied note as null and skips text equal to the server’s', async () => {
    const { saver, calls, elapse } = setup({ 'doc-number': '15', 'other-business': 'A' });
    saver.change('doc-number', '');
    saver.change('other-business', 'A');
    elapse();
    expect(calls[0].notes).toEqual({ 'doc-number': null });
  });

  it('holds text typed during a save for the next one, based on the new version', async () => {
    const { saver, calls, elapse, answer } = setup();
    saver.change('turn:7', 'Ý kiến 1');
    elapse();
    saver.change('turn:7', 'Ý kiến 1, bổ sung');
    expect(saver.view.notes['turn:7']).toBe('Ý kiến 1, bổ sung');
    elapse(); // the quiet spell ends while the first save is still out: no second request yet
    expect(calls).toHaveLength(1);
    await answer(0, 4);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ version: 4, notes: { 'turn:7': 'Ý kiến 1, bổ sung' } });
  });

  it('stops on a version conflict and keeps the unsaved text on screen', async () => {
    const { saver, calls, elapse } = setup();
    saver.change('other-business', 'Nội dung');
    elapse();
    calls[0].reject('conflict');
    await Promise.resolve();
    await Promise.resolve();
    expect(saver.view.status).toBe('conflict');
    expect(saver.view.notes['other-business']).toBe('Nội dung');
    saver.change('other-business', 'Nội dung mới');
    elapse();
    expect(calls).toHaveLength(1);
    expect(saver.view.status).toBe('conflict');
  });

  it('after another failure keeps the text and retries it with the next change', async () => {
    const { saver, calls, elapse } = setup();
    saver.change('turn:7', 'A');
    elapse();
    calls[0].reject(new Error('network'));
    await Promise.resolve();
    await Promise.resolve();
    expect(saver.view.status).toBe('error');
    saver.change('turn:9', 'B');
    elapse();
    expect(calls[1].notes).toEqual({ 'turn:7': 'A', 'turn:9': 'B' });
  });

  it('flush saves at once and resolves when the server has answered', async () => {
    const { saver, calls, answer, timers } = setup();
    saver.change('other-business', 'X');
    let flushed = false;
    const done = saver.flush().then(() => (flushed = true));
    expect(timers.size).toBe(0);
    expect(calls).toHaveLength(1);
    expect(flushed).toBe(false);
    await answer(0, 4);
    await done;
    expect(flushed).toBe(true);
    expect(saver.dirty).toBe(false);
  });
});
