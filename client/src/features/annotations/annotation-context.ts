import { createContext, useContext } from 'react';
import type { Tool } from './tools';
import type { AnnotationsApi } from './use-annotations';

/** A note being written or read: a new one at (x, y) of a page, or an existing one. */
export type NoteTarget = { kind: 'new'; page: number; x: number; y: number } | { kind: 'existing'; id: string };

export interface AnnotationContextValue {
  api: AnnotationsApi;
  documentId: string;
  version: number;
  tool: Tool;
  colour: string;
  width: number;
  /** A stylus has been seen on this tablet: from then on a touch is a palm or a scrolling finger, never ink. */
  penSeen: boolean;
  sawPen: () => void;
  openNote: (target: NoteTarget) => void;
  /** Participants' names by user id, for others' shared annotations (empty until the meeting has loaded). */
  names: ReadonlyMap<string, string>;
}

export const AnnotationContext = createContext<AnnotationContextValue | null>(null);

export function useAnnotationContext(): AnnotationContextValue {
  const value = useContext(AnnotationContext);
  if (!value) throw new Error('useAnnotationContext needs an AnnotationsProvider');
  return value;
}
