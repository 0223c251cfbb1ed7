import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VotesSqlite1795665125589 implements MigrationInterface {
  name = 'VotesSqlite1795665125589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vote_participation" ("vote_id" varchar(36) NOT NULL, "seat_user_id" varchar(36) NOT NULL, "recorded_by_secretary" boolean NOT NULL, PRIMARY KEY ("vote_id", "seat_user_id"))`);
    await queryRunner.query(`CREATE TABLE "vote_ballots" ("vote_id" varchar(36) NOT NULL, "seat_user_id" varchar(36) NOT NULL, "choices" jsonb NOT NULL, "recorded_by_secretary" boolean NOT NULL, "cast_at" datetime NOT NULL, PRIMARY KEY ("vote_id", "seat_user_id"))`);
    await queryRunner.query(`CREATE TABLE "vote_counts" ("vote_id" varchar(36) NOT NULL, "option_key" varchar(40) NOT NULL, "count" integer NOT NULL, PRIMARY KEY ("vote_id", "option_key"))`);
    await queryRunner.query(`CREATE TABLE "votes" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "agenda_item_id" varchar(36), "question" varchar(1000) NOT NULL, "kind" varchar(16) NOT NULL, "rule" varchar(32) NOT NULL, "options" jsonb NOT NULL, "max_choices" integer NOT NULL, "quorum_required" boolean NOT NULL, "allow_change" boolean NOT NULL, "duration_sec" integer, "show_live_choices" boolean NOT NULL, "status" varchar(16) NOT NULL, "eligible" jsonb, "total_members" integer, "cast_count" integer NOT NULL DEFAULT (0), "opened_at" datetime, "closes_at" datetime, "closed_at" datetime, "published_at" datetime, "result" jsonb, "cancel_reason" varchar(500), "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_8df8ed1efbf5455c2f9d4077fd" ON "votes" ("status", "closes_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ea8556bf292ebd1399d128d29" ON "votes" ("meeting_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8ea8556bf292ebd1399d128d29"`);
    await queryRunner.query(`DROP INDEX "IDX_8df8ed1efbf5455c2f9d4077fd"`);
    await queryRunner.query(`DROP TABLE "votes"`);
    await queryRunner.query(`DROP TABLE "vote_counts"`);
    await queryRunner.query(`DROP TABLE "vote_ballots"`);
    await queryRunner.query(`DROP TABLE "vote_participation"`);
  }
}
