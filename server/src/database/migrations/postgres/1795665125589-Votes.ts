import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VotesPostgres1795665125589 implements MigrationInterface {
  name = 'VotesPostgres1795665125589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vote_participation" ("vote_id" character varying(36) NOT NULL, "seat_user_id" character varying(36) NOT NULL, "recorded_by_secretary" boolean NOT NULL, CONSTRAINT "PK_30df26ed0078933c9af3d254ad8" PRIMARY KEY ("vote_id", "seat_user_id"))`);
    await queryRunner.query(`CREATE TABLE "vote_ballots" ("vote_id" character varying(36) NOT NULL, "seat_user_id" character varying(36) NOT NULL, "choices" jsonb NOT NULL, "recorded_by_secretary" boolean NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8f7e9d7bf8a366ef4157d9b54ad" PRIMARY KEY ("vote_id", "seat_user_id"))`);
    await queryRunner.query(`CREATE TABLE "vote_counts" ("vote_id" character varying(36) NOT NULL, "option_key" character varying(40) NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_3171ebefcaa94f7b3f261dc9217" PRIMARY KEY ("vote_id", "option_key"))`);
    await queryRunner.query(`CREATE TABLE "votes" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "agenda_item_id" character varying(36), "question" character varying(1000) NOT NULL, "kind" character varying(16) NOT NULL, "rule" character varying(32) NOT NULL, "options" jsonb NOT NULL, "max_choices" integer NOT NULL, "quorum_required" boolean NOT NULL, "allow_change" boolean NOT NULL, "duration_sec" integer, "show_live_choices" boolean NOT NULL, "status" character varying(16) NOT NULL, "eligible" jsonb, "total_members" integer, "cast_count" integer NOT NULL DEFAULT '0', "opened_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "result" jsonb, "cancel_reason" character varying(500), "created_by" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8df8ed1efbf5455c2f9d4077fd" ON "votes"  ("status", "closes_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ea8556bf292ebd1399d128d29" ON "votes"  ("meeting_id") `);
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
