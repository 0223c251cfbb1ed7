import { forDialect, type SqlDialect } from '../database/raw-sql.js';

export interface CandidateRow {
  kind: string;
  refId: string;
  meetingId: string;
  page: number | string | null;
  title: string;
  body: string;
}

/**
 * Matching rows, best first, already limited to meetings the viewer sits in (own seat or as a substitute) unless
 * they are an office secretary, to documents still in the pack and to approved minutes. The finer rules (drafts,
 * 'selected' documents, guests) are checked again in code on these candidates.
 */
export function candidatesSql(dialect: SqlDialect): string {
  const match =
    dialect === 'sqlite'
      ? { from: 'search_index', where: 'search_index MATCH ?', order: 'bm25(search_index, 0, 0, 0, 0, 0, 0, 4.0, 1.0)', s: 'search_index' }
      : { from: 'search_index s', where: `s.document @@ to_tsquery('simple', ?)`, order: `ts_rank(s.document, to_tsquery('simple', ?)) DESC`, s: 's' };
  const s = match.s;
  return forDialect(
    dialect,
    `SELECT ${s}.kind AS "kind", ${s}.ref_id AS "refId", ${s}.meeting_id AS "meetingId", ${s}.page AS "page", ${s}.title AS "title", ${s}.body AS "body"
     FROM ${match.from}
     WHERE ${match.where}
       AND (? = 1 OR EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = ${s}.meeting_id
            AND (p.user_id = ? OR (p.rsvp = 'delegated' AND p.substitute_user_id = ?))))
       AND (${s}.kind <> 'document' OR EXISTS (SELECT 1 FROM documents d WHERE d.id = ${s}.ref_id AND d.removed_at IS NULL))
       AND (${s}.kind <> 'minutes' OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = ${s}.meeting_id AND mi.status = 'approved'))
     ORDER BY ${match.order}
     LIMIT ?`,
  );
}

/** FTS5 wants each word quoted (a bare word such as NOT or NEAR is an operator); tsquery joins them with &. */
export function matchExpression(dialect: SqlDialect, terms: readonly string[]): string {
  return dialect === 'sqlite' ? terms.map((t) => `"${t}"`).join(' ') : terms.join(' & ');
}
