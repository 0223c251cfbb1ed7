import './annotations.css';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useResource } from '../../api/use-resource';
import { meetingsApi } from '../meetings/meetings.api';
import { AnnotationContext, type AnnotationContextValue, type NoteTarget } from './annotation-context';
import { NoteEditor } from './NoteEditor';
import { SelectionHighlight } from './SelectionHighlight';
import { COLOURS, type Tool, WIDTHS } from './tools';
import { useAnnotations } from './use-annotations';

export interface ToolState {
  tool: Tool;
  colour: string;
  width: number;
  setTool: (tool: Tool) => void;
  setColour: (hex: string) => void;
  setWidth: (w: number) => void;
  listOpen: boolean;
  toggleList: () => void;
}

/** The annotations of the document version in the reader, the chosen tool, and the note being written. */
export function AnnotationsProvider({
  userId,
  meetingId,
  documentId,
  version,
  children,
}: {
  userId: string;
  meetingId: string;
  documentId: string;
  version: number;
  children: (tools: ToolState) => ReactNode;
}) {
  const api = useAnnotations(userId, documentId, version);
  // whose shared marks these are: the meeting's participants (and substitutes) by user id
  const meeting = useResource(`meeting:${meetingId}`, (signal) => meetingsApi.get(meetingId, signal));
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of meeting.data?.participants ?? []) {
      m.set(p.user.id, p.user.fullName);
      if (p.substitute) m.set(p.substitute.id, p.substitute.fullName);
    }
    return m;
  }, [meeting.data]);
  const [tool, setToolState] = useState<Tool>('read');
  const [colour, setColour] = useState<string>(COLOURS[0].hex);
  const [width, setWidth] = useState<number>(WIDTHS[1].value);
  const [penSeen, setPenSeen] = useState(false);
  const [note, setNote] = useState<NoteTarget | null>(null);
  const [listOpen, setListOpen] = useState(false);

  const setTool = useCallback((next: Tool) => {
    setToolState(next);
    // a highlighter in black hides the text: yellow unless another colour was chosen on purpose
    if (next === 'highlighter') setColour((c) => (c === COLOURS[2].hex ? COLOURS[3].hex : c));
  }, []);
  const sawPen = useCallback(() => setPenSeen(true), []);
  const openNote = useCallback((target: NoteTarget) => setNote(target), []);

  const value = useMemo<AnnotationContextValue>(
    () => ({
      api,
      documentId,
      version,
      tool,
      colour,
      width,
      penSeen,
      sawPen,
      openNote,
      names,
    }),
    [api, documentId, version, tool, colour, width, penSeen, sawPen, openNote, names],
  );
  const tools: ToolState = {
    tool,
    colour,
    width,
    setTool,
    setColour,
    setWidth,
    listOpen,
    toggleList: () => setListOpen((o) => !o),
  };
  return (
    <AnnotationContext.Provider value={value}>
      {children(tools)}
      <SelectionHighlight />
      {note && <NoteEditor target={note} onClose={() => setNote(null)} />}
    </AnnotationContext.Provider>
  );
}
