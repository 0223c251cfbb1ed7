import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingEventsPostgres1795655439778 implements MigrationInterface {
  name = 'MeetingEventsPostgres1795655439778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting_events" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "seq" integer NOT NULL, "type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "actor_user_id" character varying(36), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "idempotency_key" character varying(100), "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_66afa689f92d5bff9af96ae1230" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a5316eb9d815092d1ac26df5d0" ON "meeting_events"  ("meeting_id", "idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fa8d79695a62ea5d27d2e17227" ON "meeting_events"  ("meeting_id", "seq") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_fa8d79695a62ea5d27d2e17227"`);
    await queryRunner.query(`DROP INDEX "IDX_a5316eb9d815092d1ac26df5d0"`);
    await queryRunner.query(`DROP TABLE "meeting_events"`);
  }
}
