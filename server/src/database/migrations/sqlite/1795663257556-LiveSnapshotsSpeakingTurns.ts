import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveSnapshotsSpeakingTurnsSqlite1795663257556 implements MigrationInterface {
  name = 'LiveSnapshotsSpeakingTurnsSqlite1795663257556';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting_live_snapshots" ("meeting_id" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "version" integer NOT NULL, "state" jsonb NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "speaking_turns" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "agenda_item_id" varchar(36), "seq" integer NOT NULL, "ended_at" datetime NOT NULL, "duration_ms" integer NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_89474c76efb03acbc011d2985d" ON "speaking_turns" ("meeting_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_7fc35ab30a5bcb24b67e1a3d00" ON "speaking_turns" ("user_id", "ended_at") `);
    await queryRunner.query(`DROP INDEX "IDX_505a9ff3f8a8452cb9f252841a"`);
    await queryRunner.query(`CREATE TABLE "temporary_meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(24) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "location" varchar(200) NOT NULL, "organizer" varchar(200) NOT NULL, "content" text NOT NULL DEFAULT (''), "preparation" text NOT NULL DEFAULT (''), "cancel_reason" varchar(500), "published_at" datetime, "short_notice" boolean NOT NULL DEFAULT (0), "agenda_status" varchar(16) NOT NULL DEFAULT ('draft'), "agenda_approved_at" datetime, "agenda_approved_by" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "live_settings" jsonb)`);
    await queryRunner.query(`INSERT INTO "temporary_meetings"("id", "title", "kind", "status", "starts_at", "ends_at", "location", "organizer", "content", "preparation", "cancel_reason", "published_at", "short_notice", "agenda_status", "agenda_approved_at", "agenda_approved_by", "created_by", "created_at", "updated_at") SELECT "id", "title", "kind", "status", "starts_at", "ends_at", "location", "organizer", "content", "preparation", "cancel_reason", "published_at", "short_notice", "agenda_status", "agenda_approved_at", "agenda_approved_by", "created_by", "created_at", "updated_at" FROM "meetings"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`ALTER TABLE "temporary_meetings" RENAME TO "meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_505a9ff3f8a8452cb9f252841a" ON "meetings" ("starts_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_505a9ff3f8a8452cb9f252841a"`);
    await queryRunner.query(`ALTER TABLE "meetings" RENAME TO "temporary_meetings"`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(24) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "location" varchar(200) NOT NULL, "organizer" varchar(200) NOT NULL, "content" text NOT NULL DEFAULT (''), "preparation" text NOT NULL DEFAULT (''), "cancel_reason" varchar(500), "published_at" datetime, "short_notice" boolean NOT NULL DEFAULT (0), "agenda_status" varchar(16) NOT NULL DEFAULT ('draft'), "agenda_approved_at" datetime, "agenda_approved_by" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "meetings"("id", "title", "kind", "status", "starts_at", "ends_at", "location", "organizer", "content", "preparation", "cancel_reason", "published_at", "short_notice", "agenda_status", "agenda_approved_at", "agenda_approved_by", "created_by", "created_at", "updated_at") SELECT "id", "title", "kind", "status", "starts_at", "ends_at", "location", "organizer", "content", "preparation", "cancel_reason", "published_at", "short_notice", "agenda_status", "agenda_approved_at", "agenda_approved_by", "created_by", "created_at", "updated_at" FROM "temporary_meetings"`);
    await queryRunner.query(`DROP TABLE "temporary_meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_505a9ff3f8a8452cb9f252841a" ON "meetings" ("starts_at") `);
    await queryRunner.query(`DROP INDEX "IDX_7fc35ab30a5bcb24b67e1a3d00"`);
    await queryRunner.query(`DROP INDEX "IDX_89474c76efb03acbc011d2985d"`);
    await queryRunner.query(`DROP TABLE "speaking_turns"`);
    await queryRunner.query(`DROP TABLE "meeting_live_snapshots"`);
  }
}
