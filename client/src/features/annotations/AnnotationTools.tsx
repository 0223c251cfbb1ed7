import { useTranslation } from 'react-i18next';
import { useAnnotationContext } from './annotation-context';
import { annotationsApi } from './annotations.api';
import type { ToolState } from './AnnotationsProvider';
import { COLOURS, TOOLS, WIDTHS } from './tools';

const TOOL_ICONS = {
  read: '☝',
  pen: '✒',
  highlighter: '▮',
  note: '✎',
  eraser: '⌫',
} as const;

/** The annotation row of the reader's bar: tools, colours, widths, undo/redo, the unsynced count, the list. */
export function AnnotationTools({ tools }: { tools: ToolState }) {
  const { t } = useTranslation();
  const { api, documentId, version } = useAnnotationContext();
  const inking = tools.tool === 'pen' || tools.tool === 'highlighter';
  return (
    <div className="reader__row annot-tools" role="group" aria-label={t('annotations.tools')} data-testid="annotation-tools">
      <div className="annot-tools__group">
        {TOOLS.map((tool) => (
          <button
            key={tool}
            type="button"
            className={`btn btn--secondary btn--small annot-tools__tool ${tools.tool === tool ? 'is-active' : ''}`}
            aria-pressed={tools.tool === tool}
            onClick={() => tools.setTool(tool)}
            data-testid={`tool-${tool}`}
          >
            <span aria-hidden="true">{TOOL_ICONS[tool]}</span> {t(`annotations.${tool}`)}
          </button>
        ))}
      </div>
      {inking && (
        <div className="annot-tools__group" role="radiogroup" aria-label={t('annotations.colour')}>
          {COLOURS.map((c) => (
            <button
              key={c.name}
              type="button"
              role="radio"
              aria-checked={tools.colour === c.hex}
              className={`annot-swatch ${tools.colour === c.hex ? 'is-active' : ''}`}
              style={{ background: c.hex }}
              onClick={() => tools.setColour(c.hex)}
              aria-label={t(`annotations.colours.${c.name}`)}
              title={t(`annotations.colours.${c.name}`)}
              data-testid={`colour-${c.name}`}
            />
          ))}
        </div>
      )}
      {inking && (
        <div className="annot-tools__group" role="radiogroup" aria-label={t('annotations.width')}>
          {WIDTHS.map((w) => (
            <button
              key={w.name}
              type="button"
              role="radio"
              aria-checked={tools.width === w.value}
              className={`btn btn--secondary btn--small ${tools.width === w.value ? 'is-active' : ''}`}
              onClick={() => tools.setWidth(w.value)}
              data-testid={`width-${w.name}`}
            >
              {t(`annotations.widths.${w.name}`)}
            </button>
          ))}
        </div>
      )}
      <div className="annot-tools__group">
        <button type="button" className="btn btn--secondary btn--small" onClick={api.undo} disabled={!api.canUndo} data-testid="annotation-undo">
          ↶ {t('annotations.undo')}
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={api.redo} disabled={!api.canRedo} data-testid="annotation-redo">
          ↷ {t('annotations.redo')}
        </button>
      </div>
      <span className={`annot-tools__sync ${api.pending > 0 ? 'is-pending' : ''}`} data-testid="unsynced-count" data-count={api.pending} role="status">
        {api.pending > 0 ? t('annotations.unsynced', { count: api.pending }) : t('annotations.synced')}
      </span>
      <button
        type="button"
        className={`btn btn--secondary btn--small ${tools.listOpen ? 'is-active' : ''}`}
        aria-pressed={tools.listOpen}
        onClick={tools.toggleList}
        data-testid="toggle-annotations"
      >
        {t('annotations.list')}
      </button>
      <a className="btn btn--secondary btn--small" href={annotationsApi.annotatedPdfUrl(documentId, version)} download data-testid="annotated-pdf">
        {t('annotations.download')}
      </a>
      <a className="btn btn--secondary btn--small" href={annotationsApi.notesTextUrl(documentId, version)} download data-testid="notes-text">
        {t('annotations.downloadNotes')}
      </a>
    </div>
  );
}
