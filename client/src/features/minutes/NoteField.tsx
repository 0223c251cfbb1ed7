import { MINUTES_NOTE_MAX } from '@phonghop/shared';
import { TextArea } from '../../ui/TextArea';

/** A free-text part of the minutes: a text box for the secretary, the saved text (or nothing) for everyone else. */
export function NoteField({
  noteKey,
  label,
  value,
  editable,
  onChange,
  rows = 3,
}: {
  noteKey: string;
  label: string;
  value: string;
  editable: boolean;
  onChange: (key: string, value: string) => void;
  rows?: number;
}) {
  if (!editable) {
    if (!value) return null;
    return (
      <div className="minutes-note" data-testid="minutes-note" data-key={noteKey}>
        <span className="minutes-note__label">{label}</span>
        <p className="prewrap">{value}</p>
      </div>
    );
  }
  return (
    <TextArea
      label={label}
      value={value}
      rows={rows}
      maxLength={MINUTES_NOTE_MAX}
      onChange={(e) => onChange(noteKey, e.target.value)}
      data-testid="note-field"
      data-key={noteKey}
    />
  );
}
