import type {
  ConclusionNoticeDto,
  CreateTaskRequest,
  MinutesCommentDto,
  MinutesCommentRequest,
  MinutesDto,
  MinutesRevisionDto,
  MinutesSaveResultDto,
  PatchMinutesRequest,
  ReturnMinutesRequest,
  SignatureStatusDto,
  TaskDto,
  TaskUpdateRequest,
} from '@phonghop/shared';
import { http } from '../../api/http';

const id = encodeURIComponent;
const base = (meetingId: string) => `/api/meetings/${id(meetingId)}/minutes`;

export type MinutesFileKind = 'pdf' | 'docx' | 'signed.pdf';

/** The minutes (biên bản) of a meeting, its conclusion notice and tasks: the server decides who sees and does what. */
export const minutesApi = {
  get: (meetingId: string, signal?: AbortSignal) => http.get<MinutesDto>(base(meetingId), { signal }),
  save: (meetingId: string, body: PatchMinutesRequest) => http.patch<MinutesSaveResultDto>(base(meetingId), body),
  share: (meetingId: string, membersCanRead: boolean) => http.put<MinutesDto>(`${base(meetingId)}/sharing`, { membersCanRead }),
  revisions: (meetingId: string, signal?: AbortSignal) => http.get<MinutesRevisionDto[]>(`${base(meetingId)}/revisions`, { signal }),
  comments: (meetingId: string, signal?: AbortSignal) => http.get<MinutesCommentDto[]>(`${base(meetingId)}/comments`, { signal }),
  comment: (meetingId: string, body: MinutesCommentRequest) => http.post<MinutesCommentDto>(`${base(meetingId)}/comments`, body),
  submit: (meetingId: string, version: number) => http.post<MinutesDto>(`${base(meetingId)}/submit`, { version }),
  returnToSecretary: (meetingId: string, body: ReturnMinutesRequest) => http.post<MinutesDto>(`${base(meetingId)}/return`, body),
  approve: (meetingId: string, version: number) => http.post<MinutesDto>(`${base(meetingId)}/approve`, { version }),
  signature: (meetingId: string, signal?: AbortSignal) => http.get<SignatureStatusDto>(`${base(meetingId)}/signature`, { signal }),
  fileUrl: (meetingId: string, kind: MinutesFileKind) => `${base(meetingId)}/${kind}`,
  notice: (meetingId: string, signal?: AbortSignal) => http.get<ConclusionNoticeDto>(`${base(meetingId)}/conclusions`, { signal }),
  issueNotice: (meetingId: string) => http.post<ConclusionNoticeDto>(`${base(meetingId)}/conclusions/issue`),
  tasks: (meetingId: string, signal?: AbortSignal) => http.get<TaskDto[]>(`${base(meetingId)}/tasks`, { signal }),
  createTask: (meetingId: string, body: CreateTaskRequest) => http.post<TaskDto>(`${base(meetingId)}/tasks`, body),
  myTasks: (signal?: AbortSignal) => http.get<TaskDto[]>('/api/tasks', { signal }),
  updateTask: (taskId: string, body: TaskUpdateRequest) => http.post<TaskDto>(`/api/tasks/${id(taskId)}/updates`, body),
};
