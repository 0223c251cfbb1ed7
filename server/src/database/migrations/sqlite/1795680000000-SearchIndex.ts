import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive search (ADR 12): an FTS5 table, written by hand (no entity can describe it). The reader's text is
 * stored unindexed for snippets; the folded text is indexed, and the tokenizer drops diacritics too, so a row
 * written without folding would still be found.
 */
export class SearchIndexSqlite1795680000000 implements MigrationInterface {
  name = 'SearchIndexSqlite1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "search_index" USING fts5(kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, page UNINDEXED, title UNINDEXED, body UNINDEXED, title_folded, body_folded, tokenize = 'unicode61 remove_diacritics 2')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_index"`);
  }
}
