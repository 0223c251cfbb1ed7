import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { type CreateTaskRequest, createTaskRequestSchema, type TaskDto, type TaskUpdateRequest, taskUpdateRequestSchema } from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { TasksService, type TaskViewer } from './tasks.service.js';

const uuid = new ParseUUIDPipe();
const taskViewer = (auth: RequestAuth): TaskViewer => ({
  ...viewerOf(auth),
  unit: auth.user.unit,
});

/** Tasks given from the conclusions of a meeting, and each person's (and unit's) list. */
@Controller('api')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post('meetings/:id/minutes/tasks')
  create(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(createTaskRequestSchema)) body: CreateTaskRequest,
  ): Promise<TaskDto> {
    return this.tasks.create(taskViewer(auth), id, body);
  }

  @Get('meetings/:id/minutes/tasks')
  ofMeeting(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<TaskDto[]> {
    return this.tasks.ofMeeting(taskViewer(auth), id);
  }

  @Get('tasks')
  mine(@CurrentAuth() auth: RequestAuth): Promise<TaskDto[]> {
    return this.tasks.mine(taskViewer(auth));
  }

  @Get('tasks/:taskId')
  get(@CurrentAuth() auth: RequestAuth, @Param('taskId', uuid) taskId: string): Promise<TaskDto> {
    return this.tasks.get(taskViewer(auth), taskId);
  }

  @Post('tasks/:taskId/updates')
  @HttpCode(200)
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('taskId', uuid) taskId: string,
    @Body(new ZodPipe(taskUpdateRequestSchema)) body: TaskUpdateRequest,
  ): Promise<TaskDto> {
    return this.tasks.update(taskViewer(auth), taskId, body);
  }
}
