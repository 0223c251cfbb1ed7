import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingEventsSqlite1795655439778 implements MigrationInterface {
  name = 'MeetingEventsSqlite1795655439778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "type" varchar(64) NOT NULL, "payload" jsonb NOT NULL, "actor_user_id" varchar(36), "at" datetime NOT NULL, "idempotency_key" varchar(100), "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a5316eb9d815092d1ac26df5d0" ON "meeting_events" ("meeting_id", "idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fa8d79695a62ea5d27d2e17227" ON "meeting_events" ("meeting_id", "seq") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_fa8d79695a62ea5d27d2e17227"`);
    await queryRunner.query(`DROP INDEX "IDX_a5316eb9d815092d1ac26df5d0"`);
    await queryRunner.query(`DROP TABLE "meeting_events"`);
  }
}
