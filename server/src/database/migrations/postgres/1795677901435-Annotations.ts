import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnotationsPostgres1795677901435 implements MigrationInterface {
  name = 'AnnotationsPostgres1795677901435';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "annotations" ("id" character varying(36) NOT NULL, "owner_id" character varying(36) NOT NULL, "document_id" character varying(36) NOT NULL, "version" integer NOT NULL, "page" integer NOT NULL, "kind" character varying(16) NOT NULL, "body" jsonb NOT NULL, "shared" boolean NOT NULL DEFAULT false, "ever_shared" boolean NOT NULL DEFAULT false, "rev" integer NOT NULL, "deleted" boolean NOT NULL DEFAULT false, "from_previous_version" boolean NOT NULL DEFAULT false, "change_key" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d5b59b40ef7ee54b4309c2e89b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_48e2fdbd7a784ff8b7990d84e3" ON "annotations"  ("owner_id", "document_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_942612132c7e78b20200e3a8af" ON "annotations"  ("document_id", "version") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_942612132c7e78b20200e3a8af"`);
    await queryRunner.query(`DROP INDEX "IDX_48e2fdbd7a784ff8b7990d84e3"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
  }
}
