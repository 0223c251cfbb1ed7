import type { VoteKind } from '@phonghop/shared';

/**
 * The member's own choice, shown back to them on this tab only ("Bạn đã biểu quyết: Đồng ý"); never sent anywhere.
 * Open and named votes keep it in sessionStorage (it survives a reload of the tab); a secret ballot's choice stays
 * in this page's memory only, so nothing on the device keeps it once the tab is reloaded or closed.
 */
const memory = new Map<string, readonly string[]>();
const storageKey = (userId: string, voteId: string) => `phonghop.ballot.${userId}.${voteId}`;

export function rememberBallot(userId: string, voteId: string, kind: VoteKind, choices: readonly string[]): void {
  memory.set(storageKey(userId, voteId), [...choices]);
  if (kind === 'secret') return;
  try {
    window.sessionStorage.setItem(storageKey(userId, voteId), JSON.stringify(choices));
  } catch {
    // private mode or full: memory is enough for this page
  }
}

export function recallBallot(userId: string, voteId: string): readonly string[] | null {
  const key = storageKey(userId, voteId);
  const held = memory.get(key);
  if (held) return held;
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
    return Array.isArray(stored) && stored.every((c) => typeof c === 'string') ? stored : null;
  } catch {
    return null;
  }
}
