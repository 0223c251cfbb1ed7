import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, In, type Repository } from 'typeorm';
import { type SearchHitDto, type SearchKind, type SearchResultDto, searchTerms } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { dialectOf, type SqlDialect } from '../database/raw-sql.js';
import { DocumentEntity, DocumentGrantEntity } from '../documents/document.entity.js';
import { membershipOf, type Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ParticipantEntity } from '../meetings/participant.entity.js';
import { MinutesEntity } from '../minutes/minutes.entity.js';
import { canSeeHit } from './search-access.js';
import { documentTitle, linkOf } from './search-links.js';
import { type CandidateRow, candidatesSql, matchExpression } from './search-sql.js';
import { buildSnippet, matchRanges } from './snippet.js';

// Pages of one document compete for the same hit, and a few candidates fall to the finer rules: read extra.
const CANDIDATES_PER_HIT = 5;

@Injectable()
export class SearchService {
  private readonly dialect: SqlDialect;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentGrantEntity) private readonly grants: Repository<DocumentGrantEntity>,
    @InjectRepository(MinutesEntity) private readonly minutes: Repository<MinutesEntity>,
  ) {
    this.dialect = dialectOf(dataSource.manager);
  }

  async search(viewer: Viewer, query: string, limit: number): Promise<SearchResultDto> {
    const terms = searchTerms(query);
    if (terms.length === 0) throw new AppError('VALIDATION_FAILED', { details: { q: 'Từ khóa tìm kiếm phải có chữ hoặc số.' } });
    const rows = await this.candidates(viewer, terms, limit * CANDIDATES_PER_HIT + 20);
    const best = new Map<string, CandidateRow>();
    for (const r of rows) if (!best.has(`${r.kind}:${r.refId}`)) best.set(`${r.kind}:${r.refId}`, r);
    const visible = await this.visible(viewer, [...best.values()]);
    return { query, hits: visible.slice(0, limit).map((r) => this.hit(r.row, r.title, terms)) };
  }

  private candidates(viewer: Viewer, terms: string[], limit: number): Promise<CandidateRow[]> {
    const match = matchExpression(this.dialect, terms);
    const access = [viewer.systemRole === 'secretary' ? 1 : 0, viewer.userId, viewer.userId];
    const params = this.dialect === 'sqlite' ? [match, ...access, limit] : [match, ...access, match, limit];
    return this.dataSource.query<CandidateRow[]>(candidatesSql(this.dialect), params);
  }

  /** Checks each candidate again in code against the rows as they are now; keeps the rank order. */
  private async visible(viewer: Viewer, rows: CandidateRow[]): Promise<Array<{ row: CandidateRow; title: string }>> {
    if (rows.length === 0) return [];
    const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
    const docIds = rows.filter((r) => r.kind === 'document').map((r) => r.refId);
    const [meetings, seats, docs, grants, minutes] = await Promise.all([
      this.meetings.find({ select: { id: true, status: true }, where: { id: In(meetingIds) } }),
      this.participants.find({ where: { meetingId: In(meetingIds) } }),
      docIds.length ? this.documents.find({ where: { id: In(docIds) } }) : Promise.resolve([]),
      docIds.length ? this.grants.find({ where: { documentId: In(docIds) } }) : Promise.resolve([]),
      this.minutes.find({ select: { meetingId: true, status: true, membersCanRead: true }, where: { meetingId: In(meetingIds) } }),
    ]);
    const status = new Map(meetings.map((m) => [m.id, m.status]));
    const out: Array<{ row: CandidateRow; title: string }> = [];
    for (const row of rows) {
      const meetingStatus = status.get(row.meetingId);
      if (!meetingStatus) continue;
      const membership = membershipOf(viewer.userId, seats.filter((s) => s.meetingId === row.meetingId));
      const doc = docs.find((d) => d.id === row.refId && d.removedAt === null);
      const kind = row.kind as SearchKind;
      const ok = canSeeHit(viewer, {
        kind,
        meetingStatus,
        membership,
        document: doc ? { audience: doc.audience, grantedUserIds: grants.filter((g) => g.documentId === doc.id).map((g) => g.userId) } : null,
        minutes: minutes.find((m) => m.meetingId === row.meetingId) ?? null,
      });
      // A document's title is read fresh, so a hit shows the current title even if re-indexing a metadata edit failed.
      if (ok) out.push({ row, title: doc ? documentTitle(doc) : row.title });
    }
    return out;
  }

  private hit(row: CandidateRow, title: string, terms: string[]): SearchHitDto {
    const kind = row.kind as SearchKind;
    const page = row.page === null ? null : Number(row.page);
    const snippet = buildSnippet(row.body, terms);
    return {
      kind,
      id: row.refId,
      meetingId: row.meetingId,
      title,
      titleHighlights: matchRanges(title, terms).map(({ start, end }) => ({ start, end })),
      snippet: snippet.text,
      highlights: snippet.highlights,
      page,
      link: linkOf(kind, row.refId, row.meetingId, page),
    };
  }
}
