import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemDto, DocumentDto, LiveRoomInfo } from '@phonghop/shared';
import type { DisplayedLiveView } from './last-known';
import type { SubstituteFormat } from './seats';
import type { RunCommand, SendCommand } from './use-live-commands';

/** What every live screen reads: the session's view (with the room known), the agenda, the documents, commands. */
export interface LiveRoomApi {
  meetingId: string;
  view: DisplayedLiveView;
  room: LiveRoomInfo;
  agenda: readonly AgendaItemDto[];
  docs: readonly DocumentDto[];
  run: RunCommand;
  /** Like run, answering the result or the refusal's text (votes: the new vote's id, a refused ballot in place). */
  send: SendCommand;
  /** Busy keys of commands awaiting their ack. */
  pending: ReadonlySet<string>;
}

export const LiveRoomContext = createContext<LiveRoomApi | null>(null);

export function useLive(): LiveRoomApi {
  const api = useContext(LiveRoomContext);
  if (!api) throw new Error('useLive must be used inside <LiveRoomProvider>');
  return api;
}

/** "Bùi Thanh Sơn (dự thay ông/bà Phạm Thị Lan)" in the current language. */
export function useSubstituteFormat(): SubstituteFormat {
  const { t } = useTranslation();
  return useCallback<SubstituteFormat>((name, seat) => t('live.substituteFor', { name, seat }), [t]);
}
