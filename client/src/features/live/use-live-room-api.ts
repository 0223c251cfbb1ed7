import { useMemo } from 'react';
import { useResource } from '../../api/use-resource';
import { useSocketEvent } from '../../realtime/realtime-context';
import { agendaApi } from '../agenda/agenda.api';
import { documentsApi } from '../documents/documents.api';
import type { LiveRoomApi } from './live-context';
import { useLiveCommands } from './use-live-commands';
import { useLiveRoom } from './use-live-room';

/**
 * Everything a live screen needs, or why it cannot have it: the live session (socket) plus the agenda and the
 * document list (REST, reloaded when the secretary changes them during the meeting).
 */
export function useLiveRoomApi(meetingId: string): { api: LiveRoomApi | null; joinError: { code: string; message: string } | null; loadError: unknown } {
  const { store, view } = useLiveRoom(meetingId);
  const { run, send, pending } = useLiveCommands(store);
  const agenda = useResource(`live-agenda:${meetingId}`, (signal) => agendaApi.get(meetingId, signal));
  const docs = useResource(`live-docs:${meetingId}`, (signal) => documentsApi.list(meetingId, signal));

  const reloadAgenda = (e: { meetingId: string }) => {
    if (e.meetingId === meetingId) agenda.reload();
  };
  const reloadDocs = (e: { meetingId: string }) => {
    if (e.meetingId === meetingId) docs.reload();
  };
  useSocketEvent('meeting:updated', reloadAgenda);
  useSocketEvent('document:added', reloadDocs);
  useSocketEvent('document:updated', reloadDocs);
  useSocketEvent('document:removed', reloadDocs);

  const room = view.room;
  const items = agenda.data?.items;
  const list = docs.data;
  const api = useMemo<LiveRoomApi | null>(
    () => (room && items && list ? { meetingId, view, room, agenda: items, docs: list, run, send, pending } : null),
    [meetingId, view, room, items, list, run, send, pending],
  );
  return { api, joinError: view.error, loadError: agenda.error ?? docs.error };
}
