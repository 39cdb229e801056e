import { MigrationInterface, QueryRunner } from 'typeorm';

export class CultureTickets1795401312287 implements MigrationInterface {
  name = 'CultureTickets1795401312287';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "appreciation_campaign" ADD "culture_ticket_name" text');
    await queryRunner.query('ALTER TABLE "appreciation_campaign" ADD "culture_ticket_stock" integer');
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" ADD "culture_tickets_issued" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query('ALTER TABLE "appreciation_application" ADD "choice" text NOT NULL DEFAULT \'voucher\'');
    await queryRunner.query('ALTER TABLE "voucher" ADD "kind" text NOT NULL DEFAULT \'voucher\'');
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" ADD CONSTRAINT "ck_appreciation_campaign_kind" CHECK ("kind" IN (\'voucher\', \'voucher_or_culture_ticket\'))',
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" ADD CONSTRAINT "ck_appreciation_campaign_culture_tickets" CHECK ("culture_tickets_issued" <= coalesce("culture_ticket_stock", 0))',
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" ADD CONSTRAINT "ck_appreciation_application_choice" CHECK ("choice" IN (\'voucher\', \'culture_ticket\'))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" DROP CONSTRAINT "ck_appreciation_application_choice"',
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" DROP CONSTRAINT "ck_appreciation_campaign_culture_tickets"',
    );
    await queryRunner.query('ALTER TABLE "appreciation_campaign" DROP CONSTRAINT "ck_appreciation_campaign_kind"');
    await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "kind"');
    await queryRunner.query('ALTER TABLE "appreciation_application" DROP COLUMN "choice"');
    await queryRunner.query('ALTER TABLE "appreciation_campaign" DROP COLUMN "culture_tickets_issued"');
    await queryRunner.query('ALTER TABLE "appreciation_campaign" DROP COLUMN "culture_ticket_stock"');
    await queryRunner.query('ALTER TABLE "appreciation_campaign" DROP COLUMN "culture_ticket_name"');
  }
}
