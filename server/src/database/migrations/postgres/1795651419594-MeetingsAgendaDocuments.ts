import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingsAgendaDocumentsPostgres1795651419594 implements MigrationInterface {
  name = 'MeetingsAgendaDocumentsPostgres1795651419594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agenda_items" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "parent_id" character varying(36), "position" integer NOT NULL, "title" character varying(500) NOT NULL, "presenter_user_id" character varying(36), "presenter_name" character varying(200) NOT NULL DEFAULT '', "planned_minutes" integer NOT NULL DEFAULT '15', "is_public" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c58f166b8bff4fd19c5353cd31" ON "agenda_items"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "documents" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "agenda_item_id" character varying(36), "doc_type" character varying(32) NOT NULL, "number" character varying(20) NOT NULL DEFAULT '', "symbol" character varying(60) NOT NULL DEFAULT '', "issued_on" character varying(10), "issuer" character varying(200) NOT NULL DEFAULT '', "summary" character varying(1000) NOT NULL, "audience" character varying(16) NOT NULL DEFAULT 'participants', "current_version" integer NOT NULL DEFAULT '1', "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4a264f1f524cfee0a6c8e4b6f8" ON "documents"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "document_grants" ("document_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, CONSTRAINT "PK_3da0e598ce29760eda14d0fd72c" PRIMARY KEY ("document_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "document_versions" ("id" character varying(36) NOT NULL, "document_id" character varying(36) NOT NULL, "version" integer NOT NULL, "original_name" character varying(200) NOT NULL, "original_kind" character varying(8) NOT NULL, "original_sha256" character varying(64) NOT NULL, "original_size" bigint NOT NULL, "pdf_sha256" character varying(64) NOT NULL, "pdf_size" bigint NOT NULL, "normalized" boolean NOT NULL DEFAULT false, "page_count" integer NOT NULL, "change_note" character varying(1000) NOT NULL DEFAULT '', "uploaded_by" character varying(36) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_92bbba2a6f4bf3e07a3a3db7bb" ON "document_versions"  ("document_id", "version") `);
    await queryRunner.query(`CREATE TABLE "document_page_texts" ("version_id" character varying(36) NOT NULL, "page" integer NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_281fba0b859dacee97d52837d2c" PRIMARY KEY ("version_id", "page"))`);
    await queryRunner.query(`CREATE TABLE "document_receipts" ("document_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "received_version" integer, "received_at" TIMESTAMP WITH TIME ZONE, "opened_version" integer, "opened_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_98e209032ae5c51d857e3c1c650" PRIMARY KEY ("document_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "document_access_log" ("id" character varying(36) NOT NULL, "document_id" character varying(36) NOT NULL, "version" integer NOT NULL, "user_id" character varying(36) NOT NULL, "action" character varying(16) NOT NULL, "ip" character varying(64) NOT NULL DEFAULT '', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c57f6049f2e96a3e405a6813d5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5569f4c2b5669539e81ecd54b5" ON "document_access_log"  ("document_id", "at") `);
    await queryRunner.query(`CREATE TABLE "paper_register_entries" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "agenda_item_id" character varying(36), "title" character varying(500) NOT NULL, "classification" character varying(16) NOT NULL, "number" character varying(20) NOT NULL DEFAULT '', "symbol" character varying(60) NOT NULL DEFAULT '', "created_by" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5d7a84d1a1d53f78c3a0dc442f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9b644f62a6c6ce442c96e344d5" ON "paper_register_entries"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "paper_copies" ("entry_id" character varying(36) NOT NULL, "copy_no" integer NOT NULL, "recipient_user_id" character varying(36), "handed_out_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7596fa9107546e415ae80935c0c" PRIMARY KEY ("entry_id", "copy_no"))`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" character varying(36) NOT NULL, "title" character varying(300) NOT NULL, "kind" character varying(24) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(200) NOT NULL, "organizer" character varying(200) NOT NULL, "content" text NOT NULL DEFAULT '', "preparation" text NOT NULL DEFAULT '', "cancel_reason" character varying(500), "published_at" TIMESTAMP WITH TIME ZONE, "short_notice" boolean NOT NULL DEFAULT false, "agenda_status" character varying(16) NOT NULL DEFAULT 'draft', "agenda_approved_at" TIMESTAMP WITH TIME ZONE, "agenda_approved_by" character varying(36), "created_by" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_505a9ff3f8a8452cb9f252841a" ON "meetings"  ("starts_at") `);
    await queryRunner.query(`CREATE TABLE "meeting_participants" ("id" character varying(36) NOT NULL, "meeting_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "role" character varying(16) NOT NULL, "rsvp" character varying(16) NOT NULL DEFAULT 'pending', "rsvp_reason" character varying(500) NOT NULL DEFAULT '', "substitute_user_id" character varying(36), "rsvp_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_994ee66a92de655fb478c038980" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a7fe580d503d971f319d78b9e3" ON "meeting_participants"  ("substitute_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4743681bb404d50f8000e2a822" ON "meeting_participants"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1bb0b6aa22bca1e77bfcafb6c3" ON "meeting_participants"  ("meeting_id", "user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "calendar_token_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "UQ_c68366cc506f3932fc0dfb55b4f" UNIQUE ("calendar_token_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "UQ_c68366cc506f3932fc0dfb55b4f"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "calendar_token_hash"`);
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
