import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_LIMITS } from '@phonghop/shared';
import { useAnnotationContext, type NoteTarget } from './annotation-context';
import { newId } from './ids';
import { draftOf } from './sync-rules';
import { NOTE_COLOUR } from './tools';

/** A sticky note: written at a tapped point, or opened from its marker (read-only when it is someone else's). */
export function NoteEditor({ target, onClose }: { target: NoteTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, documentId, version, names } = useAnnotationContext();
  const existing = target.kind === 'existing' ? api.all.get(target.id) : undefined;
  const note = existing?.kind === 'note' && !existing.deleted ? existing : undefined;
  const mine = !note || note.ownerId === api.userId;
  const [text, setText] = useState(note?.text ?? '');
  if (target.kind === 'existing' && !note) return null;

  const save = () => {
    if (note) {
      if (text !== note.text) api.update({ ...draftOf(note), text } as typeof note);
    } else if (target.kind === 'new' && text.trim()) {
      api.add({
        id: newId(),
        documentId,
        version,
        page: target.page,
        shared: false,
        deleted: false,
        kind: 'note',
        colour: NOTE_COLOUR,
        x: target.x,
        y: target.y,
        text,
      });
    }
    onClose();
  };

  return (
    <div className="annot-dialog" role="dialog" aria-modal="true" aria-label={t('annotations.noteTitle')} data-testid="note-editor">
      <div className="annot-dialog__box">
        <h2 className="annot-dialog__title">
          {t('annotations.noteTitle')}
          {note?.fromPreviousVersion && <span className="annot-badge"> {t('annotations.fromPrevious')}</span>}
          {note && !mine && <span className="muted small"> · {t('annotations.sharedBy', { name: names.get(note.ownerId) ?? '' })}</span>}
        </h2>
        {mine ? (
          <textarea
            className="annot-dialog__text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('annotations.notePlaceholder')}
            maxLength={ANNOTATION_LIMITS.noteChars}
            rows={5}
            autoFocus
            data-testid="note-text"
          />
        ) : (
          <p className="annot-dialog__read" data-testid="note-read">
            {note?.text}
          </p>
        )}
        <div className="annot-dialog__actions">
          {mine && note && (
            <>
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => api.update({ ...draftOf(note), shared: !note.shared })}
                data-testid="note-share"
                aria-pressed={note.shared}
              >
                {note.shared ? t('annotations.unshare') : t('annotations.share')}
              </button>
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  api.remove(note.id);
                  onClose();
                }}
                data-testid="note-delete"
              >
                {t('annotations.delete')}
              </button>
            </>
          )}
          <span className="annot-dialog__spacer" />
          <button type="button" className="btn btn--secondary" onClick={onClose} data-testid="note-cancel">
            {mine ? t('annotations.cancel') : t('annotations.close')}
          </button>
          {mine && (
            <button type="button" className="btn btn--primary" onClick={save} data-testid="note-save">
              {t('annotations.save')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
