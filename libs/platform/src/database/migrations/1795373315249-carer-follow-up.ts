import { MigrationInterface, QueryRunner } from 'typeorm';

export class CarerFollowUp1795373315249 implements MigrationInterface {
  name = 'CarerFollowUp1795373315249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "screening" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "instrument" text NOT NULL, "instrument_version" text NOT NULL, "answers" integer array NOT NULL, "score" integer NOT NULL, "burden" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_screening_burden" CHECK ("burden" IN ('low', 'moderate', 'high')), CONSTRAINT "PK_5111bc526c9133721aeffb9a578" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_screening_carer_created" ON "screening"  ("carer_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "signal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "screening_id" uuid NOT NULL, "reason" text NOT NULL DEFAULT 'high_burden', "status" text NOT NULL DEFAULT 'open', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_by" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_signal_status" CHECK ("status" IN ('open', 'claimed', 'closed')), CONSTRAINT "PK_bc7222a78e5bc0403a1988c1daf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_signal_carer_unclosed" ON "signal"  ("carer_id") WHERE status <> 'closed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signal_municipality_status_due" ON "signal"  ("municipality_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signal_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "signal_id" uuid NOT NULL, "author_id" uuid NOT NULL, "text_encrypted" text NOT NULL, CONSTRAINT "PK_24f659ee5a5d7bb42f6c71fd4de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_signal_note_signal" ON "signal_note"  ("signal_id") `);
    await queryRunner.query(`ALTER TABLE "carer" ADD "reconfirmation_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "carer" ADD "latest_burden" text`);
    await queryRunner.query(
      `ALTER TABLE "carer" ADD CONSTRAINT "ck_carer_latest_burden" CHECK ("latest_burden" IN ('low', 'moderate', 'high'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "screening" ADD CONSTRAINT "fk_screening_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signal" ADD CONSTRAINT "fk_signal_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signal_note" ADD CONSTRAINT "fk_signal_note_signal" FOREIGN KEY ("signal_id") REFERENCES "signal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signal_note" DROP CONSTRAINT "fk_signal_note_signal"`);
    await queryRunner.query(`ALTER TABLE "signal" DROP CONSTRAINT "fk_signal_carer"`);
    await queryRunner.query(`ALTER TABLE "screening" DROP CONSTRAINT "fk_screening_carer"`);
    await queryRunner.query(`ALTER TABLE "carer" DROP CONSTRAINT "ck_carer_latest_burden"`);
    await queryRunner.query(`ALTER TABLE "carer" DROP COLUMN "latest_burden"`);
    await queryRunner.query(`ALTER TABLE "carer" DROP COLUMN "reconfirmation_requested_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signal_note_signal"`);
    await queryRunner.query(`DROP TABLE "signal_note"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signal_municipality_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."uq_signal_carer_unclosed"`);
    await queryRunner.query(`DROP TABLE "signal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_screening_carer_created"`);
    await queryRunner.query(`DROP TABLE "screening"`);
  }
}
