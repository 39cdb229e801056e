import { MigrationInterface, QueryRunner } from 'typeorm';

export class Volunteers1795382848424 implements MigrationInterface {
  name = 'Volunteers1795382848424';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "volunteer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "account_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "date_of_birth" date NOT NULL, "postcode" text NOT NULL, "house_number" text NOT NULL, "wijk_id" uuid, "phone" text, "status" text NOT NULL DEFAULT \'active\', "registered_by" text NOT NULL, "skills" text array NOT NULL DEFAULT \'{}\', "languages" text array NOT NULL DEFAULT \'{}\', "availability" text array NOT NULL DEFAULT \'{}\', "max_matches" integer NOT NULL DEFAULT \'2\', "vog_issued_on" date, "vog_recorded_by" uuid, CONSTRAINT "ck_volunteer_max_matches" CHECK ("max_matches" BETWEEN 1 AND 10), CONSTRAINT "ck_volunteer_postcode" CHECK ("postcode" ~ \'^[1-9][0-9]{3}[A-Z]{2}$\'), CONSTRAINT "ck_volunteer_status" CHECK ("status" IN (\'active\', \'inactive\')), CONSTRAINT "PK_76924da1998b3e07025e04c4d3c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_volunteer_account" ON "volunteer"  ("account_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_volunteer_municipality_status" ON "volunteer"  ("municipality_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "volunteer_absence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, CONSTRAINT "ck_volunteer_absence_period" CHECK ("to_date" >= "from_date"), CONSTRAINT "PK_74968973a6643ebef7eda02ded1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_volunteer_absence_volunteer" ON "volunteer_absence"  ("volunteer_id", "from_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "volunteer_training" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "kind" text NOT NULL, "completed_on" date NOT NULL, "valid_until" date, "recorded_by" uuid NOT NULL, CONSTRAINT "PK_cc660a960e42dd2e289f15871e4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_volunteer_training_volunteer" ON "volunteer_training"  ("volunteer_id", "kind") ',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer" ADD CONSTRAINT "fk_volunteer_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer" ADD CONSTRAINT "fk_volunteer_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer_absence" ADD CONSTRAINT "fk_volunteer_absence_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer_training" ADD CONSTRAINT "fk_volunteer_training_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer_training" DROP CONSTRAINT "fk_volunteer_training_volunteer"');
    await queryRunner.query('ALTER TABLE "volunteer_absence" DROP CONSTRAINT "fk_volunteer_absence_volunteer"');
    await queryRunner.query('ALTER TABLE "volunteer" DROP CONSTRAINT "fk_volunteer_municipality"');
    await queryRunner.query('ALTER TABLE "volunteer" DROP CONSTRAINT "fk_volunteer_account"');
    await queryRunner.query('DROP INDEX "public"."ix_volunteer_training_volunteer"');
    await queryRunner.query('DROP TABLE "volunteer_training"');
    await queryRunner.query('DROP INDEX "public"."ix_volunteer_absence_volunteer"');
    await queryRunner.query('DROP TABLE "volunteer_absence"');
    await queryRunner.query('DROP INDEX "public"."ix_volunteer_municipality_status"');
    await queryRunner.query('DROP INDEX "public"."uq_volunteer_account"');
    await queryRunner.query('DROP TABLE "volunteer"');
  }
}
