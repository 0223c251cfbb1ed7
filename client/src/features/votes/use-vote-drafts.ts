import { useEffect, useRef } from 'react';
import type { LiveVoteDraft, VoteDetailDto, VoteDto, VoteStatus } from '@phonghop/shared';
import { type Resource, useResource } from '../../api/use-resource';
import { votesApi } from './votes.api';

export interface DraftRow {
  id: string;
  /** The draft's text, once read over HTTP (the room only knows that it exists). */
  dto: VoteDto | null;
}

/**
 * The drafts of the meeting for those who prepare votes: which exist comes from the live state (at once, for every
 * tablet), their text from `GET /api/meetings/:id/votes`, read again whenever a draft appears, changes or goes.
 */
export function useVoteDrafts(meetingId: string, drafts: Readonly<Record<string, LiveVoteDraft>>): { rows: DraftRow[]; list: Resource<VoteDto[]> } {
  const list = useResource(`votes:${meetingId}`, (signal) => votesApi.list(meetingId, signal));
  const signature = Object.entries(drafts)
    .map(([id, d]) => `${id}:${d.revision}`)
    .sort()
    .join(',');
  const loadedFor = useRef(signature);
  const { reload } = list;
  useEffect(() => {
    if (loadedFor.current === signature) return;
    loadedFor.current = signature;
    reload();
  }, [signature, reload]);

  const byId = new Map((list.data ?? []).map((v) => [v.id, v]));
  // in the order they were prepared; a draft the list has not caught up with yet comes last
  const known = (list.data ?? []).filter((v) => v.status === 'draft' && v.id in drafts).map((v) => v.id);
  const fresh = Object.keys(drafts).filter((id) => !known.includes(id));
  const rows = [...known, ...fresh].map((id) => ({ id, dto: byId.get(id) ?? null }));
  return { rows, list };
}

/** One vote's detail (seats, and the result for the chair and secretaries once closed), read again as its status moves. */
export function useVoteDetail(voteId: string, status: VoteStatus, enabled: boolean): Resource<VoteDetailDto> {
  return useResource(enabled ? `vote:${voteId}:${status}` : null, (signal) => votesApi.detail(voteId, signal));
}
