import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MinutesPostgres1795666932600 implements MigrationInterface {
  name = 'MinutesPostgres1795666932600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "minutes" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "status" character varying(16) NOT NULL, "version" integer NOT NULL, "members_can_read" boolean NOT NULL DEFAULT false, "facts" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "return_comment" character varying(2000), "notice_issued_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6430e69788e26236b493d6fcc7e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b5f85480864d8582430e488a93" ON "minutes"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "minutes_notes" ("minutes_id" character varying(36) NOT NULL, "note_key" character varying(64) NOT NULL, "text" text NOT NULL, "updated_by" character varying(36) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b206f439766f600842961126760" PRIMARY KEY ("minutes_id", "note_key"))`);
    await queryRunner.query(`CREATE TABLE "minutes_revisions" ("id" character varying(36) NOT NULL, "minutes_id" character varying(36) NOT NULL, "version" integer NOT NULL, "action" character varying(16) NOT NULL, "user_id" character varying(36) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_52acb3b63c997951fc869981fc7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1a860d5a4037d2fb239b36749e" ON "minutes_revisions"  ("minutes_id", "version") `);
    await queryRunner.query(`CREATE TABLE "minutes_comments" ("id" character varying(36) NOT NULL, "minutes_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "text" character varying(2000) NOT NULL, "note_key" character varying(64), CONSTRAINT "PK_d9590dcf365c8be7b751c0e7a6e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c16111fadb0a6fb7641123fd3f" ON "minutes_comments"  ("minutes_id", "at") `);
    await queryRunner.query(`CREATE TABLE "minutes_signed_versions" ("id" character varying(36) NOT NULL, "minutes_id" character varying(36) NOT NULL, "number" integer NOT NULL, "minutes_version" integer NOT NULL, "sha256" character varying(64) NOT NULL, "unsigned_sha256" character varying(64) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signer_user_id" character varying(36) NOT NULL, "signer_name" character varying(120) NOT NULL, "signer_position" character varying(120) NOT NULL, "certificate_subject" character varying(500) NOT NULL, "certificate_sha256" character varying(64) NOT NULL, "demo_certificate" boolean NOT NULL, "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8f154e979915c0846a4c6516443" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e346102f118a6ec84dbfdfc1cc" ON "minutes_signed_versions"  ("minutes_id", "number") `);
    await queryRunner.query(`CREATE TABLE "minutes_tasks" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "agenda_item_id" character varying(36) NOT NULL, "content" character varying(2000) NOT NULL, "lead_unit" character varying(160) NOT NULL, "lead_user_id" character varying(36), "deadline" character varying(10) NOT NULL, "progress" character varying(16) NOT NULL, "created_by" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9ce892bf214ac2152346efc5628" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b4bcd0b53d919c1533d46924db" ON "minutes_tasks"  ("lead_unit") `);
    await queryRunner.query(`CREATE INDEX "IDX_4ab5a329b584e2d49ae39a2d45" ON "minutes_tasks"  ("lead_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab370c3c9a8e6a6b2c3d676fa2" ON "minutes_tasks"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "minutes_task_updates" ("id" character varying(36) NOT NULL, "task_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress" character varying(16), "note" character varying(2000) NOT NULL DEFAULT '', CONSTRAINT "PK_d59536ca2f95f0142441daf4803" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_15daf0fd603cf0a968d076ca9f" ON "minutes_task_updates"  ("task_id", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_15daf0fd603cf0a968d076ca9f"`);
    await queryRunner.query(`DROP TABLE "minutes_task_updates"`);
    await queryRunner.query(`DROP INDEX "IDX_ab370c3c9a8e6a6b2c3d676fa2"`);
    await queryRunner.query(`DROP INDEX "IDX_4ab5a329b584e2d49ae39a2d45"`);
    await queryRunner.query(`DROP INDEX "IDX_b4bcd0b53d919c1533d46924db"`);
    await queryRunner.query(`DROP TABLE "minutes_tasks"`);
    await queryRunner.query(`DROP INDEX "IDX_e346102f118a6ec84dbfdfc1cc"`);
    await queryRunner.query(`DROP TABLE "minutes_signed_versions"`);
    await queryRunner.query(`DROP INDEX "IDX_c16111fadb0a6fb7641123fd3f"`);
    await queryRunner.query(`DROP TABLE "minutes_comments"`);
    await queryRunner.query(`DROP INDEX "IDX_1a860d5a4037d2fb239b36749e"`);
    await queryRunner.query(`DROP TABLE "minutes_revisions"`);
    await queryRunner.query(`DROP TABLE "minutes_notes"`);
    await queryRunner.query(`DROP INDEX "IDX_b5f85480864d8582430e488a93"`);
    await queryRunner.query(`DROP TABLE "minutes"`);
  }
}
