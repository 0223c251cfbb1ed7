import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveSnapshotsSpeakingTurnsPostgres1795663257556 implements MigrationInterface {
  name = 'LiveSnapshotsSpeakingTurnsPostgres1795663257556';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting_live_snapshots" ("meeting_id" character varying(36) NOT NULL, "seq" integer NOT NULL, "version" integer NOT NULL, "state" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9f42c0bb1ee2258e6e68fca2772" PRIMARY KEY ("meeting_id"))`);
    await queryRunner.query(`CREATE TABLE "speaking_turns" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "agenda_item_id" character varying(36), "seq" integer NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_cde106731127c3954f899256199" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_89474c76efb03acbc011d2985d" ON "speaking_turns"  ("meeting_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_7fc35ab30a5bcb24b67e1a3d00" ON "speaking_turns"  ("user_id", "ended_at") `);
    await queryRunner.query(`ALTER TABLE "meetings" ADD "live_settings" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "live_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_7fc35ab30a5bcb24b67e1a3d00"`);
    await queryRunner.query(`DROP INDEX "IDX_89474c76efb03acbc011d2985d"`);
    await queryRunner.query(`DROP TABLE "speaking_turns"`);
    await queryRunner.query(`DROP TABLE "meeting_live_snapshots"`);
  }
}
