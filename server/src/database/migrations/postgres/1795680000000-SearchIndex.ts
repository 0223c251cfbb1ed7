import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive search (ADR 12), written by hand: a tsvector of the folded text under the 'simple' configuration
 * (the server folds Vietnamese itself, so no unaccent or language dictionary is needed), weighted title A and
 * body B, with a GIN index.
 */
export class SearchIndexPostgres1795680000000 implements MigrationInterface {
  name = 'SearchIndexPostgres1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_index" ("id" bigserial NOT NULL, "kind" character varying(16) NOT NULL, "ref_id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "page" integer, "title" text NOT NULL, "body" text NOT NULL, "title_folded" text NOT NULL, "body_folded" text NOT NULL, "document" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "title_folded"), 'A') || setweight(to_tsvector('simple'::regconfig, "body_folded"), 'B')) STORED, CONSTRAINT "PK_search_index" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_search_index_document" ON "search_index" USING GIN ("document")`);
    await queryRunner.query(`CREATE INDEX "IDX_search_index_ref" ON "search_index" ("kind", "ref_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_search_index_meeting" ON "search_index" ("meeting_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_index"`);
  }
}
