import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MinutesSqlite1795666932600 implements MigrationInterface {
  name = 'MinutesSqlite1795666932600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "minutes" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "members_can_read" boolean NOT NULL DEFAULT (0), "facts" jsonb NOT NULL, "submitted_at" datetime, "approved_at" datetime, "return_comment" varchar(2000), "notice_issued_at" datetime, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b5f85480864d8582430e488a93" ON "minutes" ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "minutes_notes" ("minutes_id" varchar(36) NOT NULL, "note_key" varchar(64) NOT NULL, "text" text NOT NULL, "updated_by" varchar(36) NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("minutes_id", "note_key"))`);
    await queryRunner.query(`CREATE TABLE "minutes_revisions" ("id" varchar(36) PRIMARY KEY NOT NULL, "minutes_id" varchar(36) NOT NULL, "version" integer NOT NULL, "action" varchar(16) NOT NULL, "user_id" varchar(36) NOT NULL, "at" datetime NOT NULL, "changes" jsonb NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1a860d5a4037d2fb239b36749e" ON "minutes_revisions" ("minutes_id", "version") `);
    await queryRunner.query(`CREATE TABLE "minutes_comments" ("id" varchar(36) PRIMARY KEY NOT NULL, "minutes_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "at" datetime NOT NULL, "text" varchar(2000) NOT NULL, "note_key" varchar(64))`);
    await queryRunner.query(`CREATE INDEX "IDX_c16111fadb0a6fb7641123fd3f" ON "minutes_comments" ("minutes_id", "at") `);
    await queryRunner.query(`CREATE TABLE "minutes_signed_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "minutes_id" varchar(36) NOT NULL, "number" integer NOT NULL, "minutes_version" integer NOT NULL, "sha256" varchar(64) NOT NULL, "unsigned_sha256" varchar(64) NOT NULL, "signed_at" datetime NOT NULL, "signer_user_id" varchar(36) NOT NULL, "signer_name" varchar(120) NOT NULL, "signer_position" varchar(120) NOT NULL, "certificate_subject" varchar(500) NOT NULL, "certificate_sha256" varchar(64) NOT NULL, "demo_certificate" boolean NOT NULL, "superseded_at" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e346102f118a6ec84dbfdfc1cc" ON "minutes_signed_versions" ("minutes_id", "number") `);
    await queryRunner.query(`CREATE TABLE "minutes_tasks" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "agenda_item_id" varchar(36) NOT NULL, "content" varchar(2000) NOT NULL, "lead_unit" varchar(160) NOT NULL, "lead_user_id" varchar(36), "deadline" varchar(10) NOT NULL, "progress" varchar(16) NOT NULL, "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_b4bcd0b53d919c1533d46924db" ON "minutes_tasks" ("lead_unit") `);
    await queryRunner.query(`CREATE INDEX "IDX_4ab5a329b584e2d49ae39a2d45" ON "minutes_tasks" ("lead_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab370c3c9a8e6a6b2c3d676fa2" ON "minutes_tasks" ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "minutes_task_updates" ("id" varchar(36) PRIMARY KEY NOT NULL, "task_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "at" datetime NOT NULL, "progress" varchar(16), "note" varchar(2000) NOT NULL DEFAULT (''))`);
    await queryRunner.query(`CREATE INDEX "IDX_15daf0fd603cf0a968d076ca9f" ON "minutes_task_updates" ("task_id", "at") `);
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
