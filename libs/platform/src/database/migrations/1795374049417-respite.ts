import { MigrationInterface, QueryRunner } from 'typeorm';

export class Respite1795374049417 implements MigrationInterface {
  name = 'Respite1795374049417';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "respite_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "served_municipality_ids" uuid array NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "provider_name" text, "location" text, "suitability" text array NOT NULL, "contact" text, CONSTRAINT "ck_respite_offer_kind" CHECK ("kind" IN ('day_care', 'short_stay', 'at_home')), CONSTRAINT "PK_af5c34aca19079b05787e730a7c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_respite_offer_served" ON "respite_offer"  ("served_municipality_ids") `);
    await queryRunner.query(
      `CREATE TABLE "respite_slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dagdeel" text NOT NULL, "capacity" integer NOT NULL, "booked" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_respite_slot_dagdeel" CHECK ("dagdeel" IN ('ochtend', 'middag', 'avond', 'custom')), CONSTRAINT "ck_respite_slot_period" CHECK ("ends_at" > "starts_at"), CONSTRAINT "ck_respite_slot_capacity" CHECK ("capacity" >= 1 AND "booked" >= 0 AND "booked" <= "capacity"), CONSTRAINT "PK_47d9911e273c1e99745be5827dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_respite_slot_starts" ON "respite_slot"  ("starts_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_respite_slot_offer_starts" ON "respite_slot"  ("offer_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "respite_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "account_id" uuid NOT NULL, "care_relationship_id" uuid NOT NULL, "status" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "year" integer NOT NULL, "units" numeric(6,2) NOT NULL, "late_cancellation" boolean NOT NULL DEFAULT false, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "offer_expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_respite_booking_status" CHECK ("status" IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show')), CONSTRAINT "ex_respite_booking_overlap" EXCLUDE USING gist ("care_relationship_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('confirmed', 'offered')), CONSTRAINT "PK_6d10df5ea30b94a760a5c08533a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_respite_booking_slot_carer" ON "respite_booking"  ("slot_id", "carer_id") WHERE status IN ('confirmed', 'waitlisted', 'offered')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_respite_booking_carer_year" ON "respite_booking"  ("carer_id", "year") `);
    await queryRunner.query(
      `CREATE INDEX "ix_respite_booking_slot_status" ON "respite_booking"  ("slot_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "respite_budget_usage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "year" integer NOT NULL, "used" numeric(8,2) NOT NULL, CONSTRAINT "ck_respite_budget_usage_used" CHECK ("used" >= 0), CONSTRAINT "PK_94d85e14527017d0c46ed9f6081" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_respite_budget_usage_carer_year" ON "respite_budget_usage"  ("carer_id", "year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "respite_slot" ADD CONSTRAINT "fk_respite_slot_offer" FOREIGN KEY ("offer_id") REFERENCES "respite_offer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "respite_booking" ADD CONSTRAINT "fk_respite_booking_slot" FOREIGN KEY ("slot_id") REFERENCES "respite_slot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "respite_booking" DROP CONSTRAINT "fk_respite_booking_slot"`);
    await queryRunner.query(`ALTER TABLE "respite_slot" DROP CONSTRAINT "fk_respite_slot_offer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_respite_budget_usage_carer_year"`);
    await queryRunner.query(`DROP TABLE "respite_budget_usage"`);
    await queryRunner.query(`DROP INDEX "public"."ix_respite_booking_slot_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_respite_booking_carer_year"`);
    await queryRunner.query(`DROP INDEX "public"."uq_respite_booking_slot_carer"`);
    await queryRunner.query(`DROP TABLE "respite_booking"`);
    await queryRunner.query(`DROP INDEX "public"."ix_respite_slot_offer_starts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_respite_slot_starts"`);
    await queryRunner.query(`DROP TABLE "respite_slot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_respite_offer_served"`);
    await queryRunner.query(`DROP TABLE "respite_offer"`);
  }
}
