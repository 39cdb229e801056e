import { MigrationInterface, QueryRunner } from 'typeorm';

export class AppreciationMunicipalityKeys1795402035903 implements MigrationInterface {
  name = 'AppreciationMunicipalityKeys1795402035903';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" ADD CONSTRAINT "fk_appreciation_campaign_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" ADD CONSTRAINT "fk_appreciation_application_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher" ADD CONSTRAINT "fk_voucher_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher_redemption" ADD CONSTRAINT "fk_voucher_redemption_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "voucher_redemption" DROP CONSTRAINT "fk_voucher_redemption_municipality"');
    await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "fk_voucher_municipality"');
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" DROP CONSTRAINT "fk_appreciation_application_municipality"',
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" DROP CONSTRAINT "fk_appreciation_campaign_municipality"',
    );
  }
}
