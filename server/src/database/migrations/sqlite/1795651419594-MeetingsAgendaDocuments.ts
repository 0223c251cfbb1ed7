import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingsAgendaDocumentsSqlite1795651419594 implements MigrationInterface {
  name = 'MeetingsAgendaDocumentsSqlite1795651419594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agenda_items" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "parent_id" varchar(36), "position" integer NOT NULL, "title" varchar(500) NOT NULL, "presenter_user_id" varchar(36), "presenter_name" varchar(200) NOT NULL DEFAULT (''), "planned_minutes" integer NOT NULL DEFAULT (15), "is_public" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c58f166b8bff4fd19c5353cd31" ON "agenda_items" ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "documents" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "agenda_item_id" varchar(36), "doc_type" varchar(32) NOT NULL, "number" varchar(20) NOT NULL DEFAULT (''), "symbol" varchar(60) NOT NULL DEFAULT (''), "issued_on" varchar(10), "issuer" varchar(200) NOT NULL DEFAULT (''), "summary" varchar(1000) NOT NULL, "audience" varchar(16) NOT NULL DEFAULT ('participants'), "current_version" integer NOT NULL DEFAULT (1), "position" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "removed_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "IDX_4a264f1f524cfee0a6c8e4b6f8" ON "documents" ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "document_grants" ("document_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, PRIMARY KEY ("document_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "document_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "document_id" varchar(36) NOT NULL, "version" integer NOT NULL, "original_name" varchar(200) NOT NULL, "original_kind" varchar(8) NOT NULL, "original_sha256" varchar(64) NOT NULL, "original_size" bigint NOT NULL, "pdf_sha256" varchar(64) NOT NULL, "pdf_size" bigint NOT NULL, "normalized" boolean NOT NULL DEFAULT (0), "page_count" integer NOT NULL, "change_note" varchar(1000) NOT NULL DEFAULT (''), "uploaded_by" varchar(36) NOT NULL, "uploaded_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_92bbba2a6f4bf3e07a3a3db7bb" ON "document_versions" ("document_id", "version") `);
    await queryRunner.query(`CREATE TABLE "document_page_texts" ("version_id" varchar(36) NOT NULL, "page" integer NOT NULL, "text" text NOT NULL, PRIMARY KEY ("version_id", "page"))`);
    await queryRunner.query(`CREATE TABLE "document_receipts" ("document_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "received_version" integer, "received_at" datetime, "opened_version" integer, "opened_at" datetime, PRIMARY KEY ("document_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "document_access_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "document_id" varchar(36) NOT NULL, "version" integer NOT NULL, "user_id" varchar(36) NOT NULL, "action" varchar(16) NOT NULL, "ip" varchar(64) NOT NULL DEFAULT (''), "at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_5569f4c2b5669539e81ecd54b5" ON "document_access_log" ("document_id", "at") `);
    await queryRunner.query(`CREATE TABLE "paper_register_entries" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "agenda_item_id" varchar(36), "title" varchar(500) NOT NULL, "classification" varchar(16) NOT NULL, "number" varchar(20) NOT NULL DEFAULT (''), "symbol" varchar(60) NOT NULL DEFAULT (''), "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_9b644f62a6c6ce442c96e344d5" ON "paper_register_entries" ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "paper_copies" ("entry_id" varchar(36) NOT NULL, "copy_no" integer NOT NULL, "recipient_user_id" varchar(36), "handed_out_at" datetime, "returned_at" datetime, PRIMARY KEY ("entry_id", "copy_no"))`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(24) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "location" varchar(200) NOT NULL, "organizer" varchar(200) NOT NULL, "content" text NOT NULL DEFAULT (''), "preparation" text NOT NULL DEFAULT (''), "cancel_reason" varchar(500), "published_at" datetime, "short_notice" boolean NOT NULL DEFAULT (0), "agenda_status" varchar(16) NOT NULL DEFAULT ('draft'), "agenda_approved_at" datetime, "agenda_approved_by" varchar(36), "created_by" varchar(36) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_505a9ff3f8a8452cb9f252841a" ON "meetings" ("starts_at") `);
    await queryRunner.query(`CREATE TABLE "meeting_participants" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "rsvp" varchar(16) NOT NULL DEFAULT ('pending'), "rsvp_reason" varchar(500) NOT NULL DEFAULT (''), "substitute_user_id" varchar(36), "rsvp_at" datetime, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_a7fe580d503d971f319d78b9e3" ON "meeting_participants" ("substitute_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4743681bb404d50f8000e2a822" ON "meeting_participants" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1bb0b6aa22bca1e77bfcafb6c3" ON "meeting_participants" ("meeting_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "temporary_users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "full_name" varchar(120) NOT NULL, "position" varchar(120) NOT NULL DEFAULT (''), "unit" varchar(160) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL, "password_hash" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "must_change_password" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "last_login_at" datetime, "calendar_token_hash" varchar(64), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "UQ_1669e2695b4d15d6c7cddae39d2" UNIQUE ("calendar_token_hash"))`);
    await queryRunner.query(`INSERT INTO "temporary_users"("id", "username", "full_name", "position", "unit", "role", "password_hash", "disabled", "must_change_password", "created_at", "updated_at", "last_login_at") SELECT "id", "username", "full_name", "position", "unit", "role", "password_hash", "disabled", "must_change_password", "created_at", "updated_at", "last_login_at" FROM "users"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "full_name" varchar(120) NOT NULL, "position" varchar(120) NOT NULL DEFAULT (''), "unit" varchar(160) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL, "password_hash" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "must_change_password" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "last_login_at" datetime, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "users"("id", "username", "full_name", "position", "unit", "role", "password_hash", "disabled", "must_change_password", "created_at", "updated_at", "last_login_at") SELECT "id", "username", "full_name", "position", "unit", "role", "password_hash", "disabled", "must_change_password", "created_at", "updated_at", "last_login_at" FROM "temporary_users"`);
    await queryRunner.query(`DROP TABLE "temporary_users"`);
    await queryRunner.query(`DROP INDEX "IDX_1bb0b6aa22bca1e77bfcafb6c3"`);
    await queryRunner.query(`DROP INDEX "IDX_4743681bb404d50f8000e2a822"`);
    await queryRunner.query(`DROP INDEX "IDX_a7fe580d503d971f319d78b9e3"`);
    await queryRunner.query(`DROP TABLE "meeting_participants"`);
    await queryRunner.query(`DROP INDEX "IDX_505a9ff3f8a8452cb9f252841a"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "paper_copies"`);
    await queryRunner.query(`DROP INDEX "IDX_9b644f62a6c6ce442c96e344d5"`);
    await queryRunner.query(`DROP TABLE "paper_register_entries"`);
    await queryRunner.query(`DROP INDEX "IDX_5569f4c2b5669539e81ecd54b5"`);
    await queryRunner.query(`DROP TABLE "document_access_log"`);
    await queryRunner.query(`DROP TABLE "document_receipts"`);
    await queryRunner.query(`DROP TABLE "document_page_texts"`);
    await queryRunner.query(`DROP INDEX "IDX_92bbba2a6f4bf3e07a3a3db7bb"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP TABLE "document_grants"`);
    await queryRunner.query(`DROP INDEX "IDX_4a264f1f524cfee0a6c8e4b6f8"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "IDX_c58f166b8bff4fd19c5353cd31"`);
    await queryRunner.query(`DROP TABLE "agenda_items"`);
  }
}
