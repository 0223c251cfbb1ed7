import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConclusionNoticeDto, TaskDto } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { json } from '../testing/factories.js';
import { CONCLUSIONS, MinutesKit, type ScriptedMeeting } from './minutes-test-kit.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe(`conclusion notice and tasks (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-15T00:00:00Z'));
  let kit: MinutesKit;
  let s: ScriptedMeeting;
  let task: TaskDto;
  const url = () => `/api/meetings/${s.meetingId}/minutes`;
  const newTask = (extra: Record<string, unknown> = {}) => ({
    itemId: s.items[1],
    content: 'Hoàn thiện Kế hoạch cải cách hành chính năm 2027, trình UBND huyện.',
    leadUnit: 'Phòng Tư pháp',
    deadline: '2026-12-31',
    ...extra,
  });

  beforeAll(async () => {
    kit = await MinutesKit.start(clock);
    s = await kit.scriptedMeeting(); // ends Tuesday 15/12/2026
  });
  afterAll(() => kit?.close());

  it('builds the notice from the conclusions, due 5 working days after the meeting, overdue from the day after', async () => {
    const notice = await json<ConclusionNoticeDto>(await kit.call('chair', 'GET', `${url()}/conclusions`));
    expect(notice).toMatchObject({
      meetingDate: '2026-12-15',
      dueDate: '2026-12-22',
      issued: false,
      overdue: false,
      workingDaysLeft: 5,
      issuedAt: null,
    });
    expect(notice.conclusions.map((c) => [c.number, c.conclusion])).toEqual([
      ['1', CONCLUSIONS[0]],
      ['2', CONCLUSIONS[1]],
    ]);
    clock.set(new Date('2026-12-22T16:30:00Z')); // 23:30 on the due date
    await kit.relogin();
    expect(await json<ConclusionNoticeDto>(await kit.call('chair', 'GET', `${url()}/conclusions`))).toMatchObject({
      overdue: false,
      workingDaysLeft: 0,
    });
    clock.set(new Date('2026-12-23T01:00:00Z'));
    await kit.relogin();
    expect(await json<ConclusionNoticeDto>(await kit.call('chair', 'GET', `${url()}/conclusions`))).toMatchObject({
      overdue: true,
      workingDaysLeft: -1,
    });
    expect(await json(await kit.call('nam', 'POST', `${url()}/conclusions/issue`), 403)).toMatchObject({ code: 'FORBIDDEN' });
    const issued = await json<ConclusionNoticeDto>(await kit.call('secretary', 'POST', `${url()}/conclusions/issue`));
    expect(issued).toMatchObject({ issued: true, overdue: false, issuedAt: clock.now().toISOString() });
  });

  it('creates a task from a conclusion (chair or secretary only), refusing bad input with nothing stored', async () => {
    expect(await json(await kit.call('nam', 'POST', `${url()}/tasks`, newTask()), 403)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await json(await kit.call('chair', 'POST', `${url()}/tasks`, newTask({ deadline: '2026-02-30' })), 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { deadline: 'Hạn hoàn thành không phải ngày có thật.' },
    });
    expect(await json(await kit.call('chair', 'POST', `${url()}/tasks`, newTask({ deadline: '2026-12-01' })), 400)).toMatchObject({
      details: { deadline: 'Hạn hoàn thành không được trước ngày họp.' },
    });
    expect(await json(await kit.call('chair', 'POST', `${url()}/tasks`, newTask({ content: '' })), 400)).toMatchObject({
      details: { content: 'Vui lòng nhập nội dung nhiệm vụ.' },
    });
    await kit.save(s.meetingId, { [`item:${s.items[1]}:conclusion`]: null });
    expect(await json(await kit.call('chair', 'POST', `${url()}/tasks`, newTask()), 422)).toMatchObject({ code: 'TASK_CONCLUSION_MISSING' });
    await kit.save(s.meetingId, { [`item:${s.items[1]}:conclusion`]: CONCLUSIONS[1] });
    expect(await json<TaskDto[]>(await kit.call('chair', 'GET', `${url()}/tasks`))).toEqual([]);

    task = await json<TaskDto>(
      await kit.call('chair', 'POST', `${url()}/tasks`, newTask({ leadUnit: ' Phòng  Tư pháp ', leadUserId: kit.k.ids.guest })),
      201,
    );
    expect(task).toMatchObject({
      leadUnit: 'Phòng Tư pháp',
      leadUser: { fullName: 'Huỳnh Văn Tâm' },
      deadline: '2026-12-31',
      progress: 'not_started',
      status: 'not_started',
      statusLabel: 'Chưa thực hiện',
      itemTitle: 'Kế hoạch cải cách hành chính năm 2027',
    });
    await json(
      await kit.call(
        'secretary',
        'POST',
        `${url()}/tasks`,
        newTask({ itemId: s.items[0], content: 'Hoàn thiện số liệu thu ngân sách quý IV.', leadUnit: 'Phòng Nội vụ', deadline: '2027-01-15' }),
      ),
      201,
    );
  });

  it('shows members and units their tasks, and the chair all of them', async () => {
    const titles = async (who: 'chair' | 'guest' | 'outsider' | 'nam' | 'secretary') =>
      (await json<TaskDto[]>(await kit.call(who, 'GET', '/api/tasks'))).map((t) => t.leadUnit).sort();
    expect(await titles('chair')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(await titles('secretary')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(await titles('guest')).toEqual(['Phòng Tư pháp']); // the lead person (and of that unit)
    expect(await titles('outsider')).toEqual(['Phòng Nội vụ']); // Phòng Nội vụ's head, not in the meeting
    expect(await titles('nam')).toEqual([]);
    expect((await json<TaskDto[]>(await kit.call('nam', 'GET', `${url()}/tasks`))).length).toBe(0);
    expect(await json(await kit.call('nam', 'GET', `/api/tasks/${task.id}`), 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await json(await kit.call('outsider', 'POST', `/api/tasks/${task.id}/updates`, { progress: 'done' }), 404)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('tracks progress with updates; quá hạn comes from the deadline and the clock, until done', async () => {
    expect(await json(await kit.call('guest', 'POST', `/api/tasks/${task.id}/updates`, { progress: 'paused' }), 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await json(await kit.call('guest', 'POST', `/api/tasks/${task.id}/updates`, {}), 400)).toMatchObject({
      details: { note: 'Vui lòng chọn trạng thái hoặc ghi nội dung cập nhật.' },
    });
    let t = await json<TaskDto>(
      await kit.call('guest', 'POST', `/api/tasks/${task.id}/updates`, { progress: 'in_progress', note: 'Đã họp liên ngành.' }),
    );
    expect(t).toMatchObject({
      progress: 'in_progress',
      status: 'in_progress',
      updates: [{ by: { fullName: 'Huỳnh Văn Tâm' }, progress: 'in_progress', note: 'Đã họp liên ngành.' }],
    });
    clock.set(new Date('2026-12-31T16:59:00Z')); // 23:59 on the deadline
    await kit.relogin();
    expect((await json<TaskDto>(await kit.call('chair', 'GET', `/api/tasks/${task.id}`))).status).toBe('in_progress');
    clock.set(new Date('2026-12-31T17:00:00Z')); // 00:00 on 1/1/2027 in Vietnam
    expect(await json<TaskDto>(await kit.call('chair', 'GET', `/api/tasks/${task.id}`))).toMatchObject({
      status: 'overdue',
      statusLabel: 'Quá hạn',
      progress: 'in_progress',
    });
    t = await json<TaskDto>(await kit.call('guest', 'POST', `/api/tasks/${task.id}/updates`, { progress: 'done', note: 'Đã trình UBND huyện.' }));
    expect(t).toMatchObject({ status: 'done', statusLabel: 'Hoàn thành' });
    expect(t.updates).toHaveLength(2);
  });
});
