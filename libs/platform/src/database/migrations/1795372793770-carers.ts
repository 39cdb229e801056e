import { MigrationInterface, QueryRunner } from 'typeorm';

export class Carers1795372793770 implements MigrationInterface {
  name = 'Carers1795372793770';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "carer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "account_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "date_of_birth" date NOT NULL, "postcode" text NOT NULL, "house_number" text NOT NULL, "wijk_id" uuid, "phone" text, "status" text NOT NULL DEFAULT 'active', "registered_by" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_carer_postcode" CHECK ("postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$'), CONSTRAINT "ck_carer_registered_by" CHECK ("registered_by" IN ('self', 'staff')), CONSTRAINT "ck_carer_status" CHECK ("status" IN ('active', 'inactive')), CONSTRAINT "PK_73d050ff03e136267bc749b40e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_carer_account" ON "carer"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "ix_carer_municipality_wijk" ON "carer"  ("municipality_id", "wijk_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_carer_municipality_postcode" ON "carer"  ("municipality_id", "postcode") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_carer_municipality_name" ON "carer"  ("municipality_id", "last_name", "first_name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "care_relationship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "care_recipient_name" text NOT NULL, "relation" text NOT NULL, "lives_in_municipality" boolean NOT NULL, "since" date NOT NULL, "hours_per_week" numeric(4,1) NOT NULL, "kinds_of_care" text array NOT NULL, "notes_encrypted" text, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_care_relationship_hours" CHECK ("hours_per_week" >= 0 AND "hours_per_week" <= 168), CONSTRAINT "ck_care_relationship_relation" CHECK ("relation" IN ('partner', 'parent', 'child', 'other_family', 'friend', 'neighbour', 'other')), CONSTRAINT "PK_c36f3ad79e1ffca24ee790b2c78" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_care_relationship_carer" ON "care_relationship"  ("carer_id") `);
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "purpose" text NOT NULL, "version" text NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, "given_by" text NOT NULL, "note" text, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_consent_given_by" CHECK ("given_by" IN ('self', 'staff')), CONSTRAINT "ck_consent_purpose" CHECK ("purpose" IN ('health_data', 'guardian')), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consent_active" ON "consent"  ("carer_id", "purpose") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_consent_carer_purpose" ON "consent"  ("carer_id", "purpose") `);
    await queryRunner.query(
      `ALTER TABLE "carer" ADD CONSTRAINT "fk_carer_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "carer" ADD CONSTRAINT "fk_carer_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_relationship" ADD CONSTRAINT "fk_care_relationship_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "fk_consent_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "fk_consent_carer"`);
    await queryRunner.query(`ALTER TABLE "care_relationship" DROP CONSTRAINT "fk_care_relationship_carer"`);
    await queryRunner.query(`ALTER TABLE "carer" DROP CONSTRAINT "fk_carer_municipality"`);
    await queryRunner.query(`ALTER TABLE "carer" DROP CONSTRAINT "fk_carer_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_carer_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consent_active"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_care_relationship_carer"`);
    await queryRunner.query(`DROP TABLE "care_relationship"`);
    await queryRunner.query(`DROP INDEX "public"."ix_carer_municipality_name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_carer_municipality_postcode"`);
    await queryRunner.query(`DROP INDEX "public"."ix_carer_municipality_wijk"`);
    await queryRunner.query(`DROP INDEX "public"."uq_carer_account"`);
    await queryRunner.query(`DROP TABLE "carer"`);
  }
}
