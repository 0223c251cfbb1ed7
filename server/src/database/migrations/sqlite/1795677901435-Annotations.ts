import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnotationsSqlite1795677901435 implements MigrationInterface {
  name = 'AnnotationsSqlite1795677901435';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "annotations" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "document_id" varchar(36) NOT NULL, "version" integer NOT NULL, "page" integer NOT NULL, "kind" varchar(16) NOT NULL, "body" jsonb NOT NULL, "shared" boolean NOT NULL DEFAULT (0), "ever_shared" boolean NOT NULL DEFAULT (0), "rev" integer NOT NULL, "deleted" boolean NOT NULL DEFAULT (0), "from_previous_version" boolean NOT NULL DEFAULT (0), "change_key" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_48e2fdbd7a784ff8b7990d84e3" ON "annotations" ("owner_id", "document_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_942612132c7e78b20200e3a8af" ON "annotations" ("document_id", "version") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_942612132c7e78b20200e3a8af"`);
    await queryRunner.query(`DROP INDEX "IDX_48e2fdbd7a784ff8b7990d84e3"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
  }
}
