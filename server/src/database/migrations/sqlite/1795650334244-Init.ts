import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitSqlite1795650334244 implements MigrationInterface {
  name = 'InitSqlite1795650334244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_failures" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "ip" varchar(64) NOT NULL DEFAULT (''), "at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_413c8abf838a4756d2d69ee5b3" ON "login_failures" ("username", "at") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "full_name" varchar(120) NOT NULL, "position" varchar(120) NOT NULL DEFAULT (''), "unit" varchar(160) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL, "password_hash" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "must_change_password" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "last_login_at" datetime, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "revoked_at" datetime, "revoked_reason" varchar(32), "user_agent" varchar(300) NOT NULL DEFAULT (''), "ip" varchar(64) NOT NULL DEFAULT (''))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
    await queryRunner.query(`DROP INDEX "IDX_abaa9e068cdd390bc5210f7988"`);
    await queryRunner.query(`DROP INDEX "IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`CREATE TABLE "temporary_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "revoked_at" datetime, "revoked_reason" varchar(32), "user_agent" varchar(300) NOT NULL DEFAULT (''), "ip" varchar(64) NOT NULL DEFAULT (''), CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_sessions"("id", "token_hash", "user_id", "created_at", "expires_at", "last_seen_at", "revoked_at", "revoked_reason", "user_agent", "ip") SELECT "id", "token_hash", "user_id", "created_at", "expires_at", "last_seen_at", "revoked_at", "revoked_reason", "user_agent", "ip" FROM "sessions"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "temporary_sessions" RENAME TO "sessions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP INDEX "IDX_abaa9e068cdd390bc5210f7988"`);
    await queryRunner.query(`ALTER TABLE "sessions" RENAME TO "temporary_sessions"`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "last_seen_at" datetime NOT NULL, "revoked_at" datetime, "revoked_reason" varchar(32), "user_agent" varchar(300) NOT NULL DEFAULT (''), "ip" varchar(64) NOT NULL DEFAULT (''))`);
    await queryRunner.query(`INSERT INTO "sessions"("id", "token_hash", "user_id", "created_at", "expires_at", "last_seen_at", "revoked_at", "revoked_reason", "user_agent", "ip") SELECT "id", "token_hash", "user_id", "created_at", "expires_at", "last_seen_at", "revoked_at", "revoked_reason", "user_agent", "ip" FROM "temporary_sessions"`);
    await queryRunner.query(`DROP TABLE "temporary_sessions"`);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
    await queryRunner.query(`DROP INDEX "IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP INDEX "IDX_abaa9e068cdd390bc5210f7988"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "IDX_413c8abf838a4756d2d69ee5b3"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
