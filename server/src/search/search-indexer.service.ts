import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { foldedWords, type SearchKind } from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { DbWriter } from '../database/db-writer.js';
import { DocumentEntity, DocumentPageTextEntity, DocumentVersionEntity } from '../documents/document.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { MinutesEntity, MinutesNoteEntity } from '../minutes/minutes.entity.js';
import { documentTitle } from './search-links.js';
import { insertRows, rawQuery } from '../database/raw-sql.js';

interface IndexRow {
  kind: SearchKind;
  refId: string;
  meetingId: string;
  page: number | null;
  title: string;
  body: string;
}

/**
 * Keeps `search_index` in step with what it indexes. The owning services call it right after their write commits
 * (a failure here is logged, never undoes the user's change: `rebuild` repairs). The paper register (Mật, Tối mật,
 * Tuyệt mật papers) is never indexed: its titles must not surface in search at all.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger('SearchIndexer');

  constructor(private readonly db: DbWriter) {}

  /** An index created on a database that already had meetings (the migration does not read them) is filled once. */
  async onApplicationBootstrap(): Promise<void> {
    const [{ n }] = await this.db.transaction((em) => em.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM search_index'));
    if (Number(n) === 0 && (await this.db.transaction((em) => em.exists(MeetingEntity)))) await this.rebuild();
  }

  meeting(meetingId: string): Promise<void> {
    return this.guard(`meeting ${meetingId}`, async (em) => {
      await this.indexMeeting(em, meetingId);
      await this.indexMinutes(em, meetingId);
    });
  }

  agenda(meetingId: string): Promise<void> {
    return this.guard(`agenda ${meetingId}`, (em) => this.indexAgenda(em, meetingId));
  }

  document(documentId: string): Promise<void> {
    return this.guard(`document ${documentId}`, (em) => this.indexDocument(em, documentId));
  }

  minutes(meetingId: string): Promise<void> {
    return this.guard(`minutes ${meetingId}`, (em) => this.indexMinutes(em, meetingId));
  }

  /** Everything again, from the tables: for an empty index on an existing database, or after a failed update. */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query('DELETE FROM search_index');
      for (const { id } of await em.find(MeetingEntity, { select: { id: true } })) {
        await this.indexMeeting(em, id);
        await this.indexAgenda(em, id);
        await this.indexMinutes(em, id);
        const docs = await em.find(DocumentEntity, { select: { id: true }, where: { meetingId: id, removedAt: IsNull() } });
        for (const d of docs) await this.indexDocument(em, d.id);
      }
    });
  }

  private async guard(what: string, work: (em: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.db.transaction(work);
    } catch (error) {
      this.logger.warn(`Không cập nhật được chỉ mục tìm kiếm (${what}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async indexMeeting(em: EntityManager, meetingId: string): Promise<void> {
    await this.remove(em, 'kind = ? AND ref_id = ?', ['meeting', meetingId]);
    const m = await em.findOneBy(MeetingEntity, { id: meetingId });
    if (!m) return;
    const body = [m.location, m.organizer, m.content].filter(Boolean).join('\n');
    await this.insert(em, [{ kind: 'meeting', refId: m.id, meetingId: m.id, page: null, title: m.title, body }]);
  }

  private async indexAgenda(em: EntityManager, meetingId: string): Promise<void> {
    await this.remove(em, 'kind = ? AND meeting_id = ?', ['agenda_item', meetingId]);
    const items = await em.find(AgendaItemEntity, { where: { meetingId } });
    await this.insert(
      em,
      items.map((i) => ({ kind: 'agenda_item', refId: i.id, meetingId, page: null, title: i.title, body: i.presenterName })),
    );
  }

  /** One row per page of the current version, each carrying the document's title; a removed document has none. */
  private async indexDocument(em: EntityManager, documentId: string): Promise<void> {
    await this.remove(em, 'kind = ? AND ref_id = ?', ['document', documentId]);
    const d = await em.findOneBy(DocumentEntity, { id: documentId, removedAt: IsNull() });
    if (!d) return;
    const version = await em.findOneBy(DocumentVersionEntity, { documentId, version: d.currentVersion });
    const pages = version ? await em.find(DocumentPageTextEntity, { where: { versionId: version.id }, order: { page: 'ASC' } }) : [];
    const title = documentTitle(d);
    const withText = pages.filter((p) => p.text.trim() !== '');
    const rows: IndexRow[] = withText.map((p) => ({ kind: 'document', refId: d.id, meetingId: d.meetingId, page: p.page, title, body: p.text }));
    // A scan without a text layer is still found by its number and trích yếu.
    if (rows.length === 0) rows.push({ kind: 'document', refId: d.id, meetingId: d.meetingId, page: null, title, body: d.issuer });
    await this.insert(em, rows);
  }

  /** Approved minutes only: a draft is not the meeting's record, and a reopened one leaves the index until signed again. */
  private async indexMinutes(em: EntityManager, meetingId: string): Promise<void> {
    await this.remove(em, 'kind = ? AND meeting_id = ?', ['minutes', meetingId]);
    const row = await em.findOneBy(MinutesEntity, { meetingId, status: 'approved' });
    const meeting = row && (await em.findOneBy(MeetingEntity, { id: meetingId }));
    if (!row || !meeting) return;
    const notes = await em.find(MinutesNoteEntity, { where: { minutesId: row.id }, order: { key: 'ASC' } });
    const body = notes.map((n) => n.text).join('\n');
    await this.insert(em, [{ kind: 'minutes', refId: meetingId, meetingId, page: null, title: `Biên bản ${meeting.title}`, body }]);
  }

  private async remove(em: EntityManager, where: string, params: unknown[]): Promise<void> {
    await rawQuery(em, `DELETE FROM search_index WHERE ${where}`, params);
  }

  /** A document's pages in a few multi-row inserts rather than one statement per page. */
  private async insert(em: EntityManager, rows: IndexRow[]): Promise<void> {
    await insertRows(
      em,
      'search_index',
      [
        ['kind', 'text'],
        ['ref_id', 'text'],
        ['meeting_id', 'text'],
        ['page', 'int'],
        ['title', 'text'],
        ['body', 'text'],
        ['title_folded', 'text'],
        ['body_folded', 'text'],
      ],
      rows.map((r) => [r.kind, r.refId, r.meetingId, r.page, r.title, r.body, foldedWords(r.title), foldedWords(r.body)]),
    );
  }
}
