import { MigrationInterface, QueryRunner } from 'typeorm';

export class WijkNeighbours1795399227550 implements MigrationInterface {
  name = 'WijkNeighbours1795399227550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "wijk_neighbour" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "wijk_id" uuid NOT NULL, "neighbour_id" uuid NOT NULL, CONSTRAINT "ck_wijk_neighbour_not_itself" CHECK ("wijk_id" <> "neighbour_id"), CONSTRAINT "PK_fb70eaadfdbcad7dffc49e47fb7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_wijk_neighbour_neighbour" ON "wijk_neighbour"  ("neighbour_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_wijk_neighbour_pair" ON "wijk_neighbour"  ("wijk_id", "neighbour_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "wijk_neighbour" ADD CONSTRAINT "fk_wijk_neighbour_wijk" FOREIGN KEY ("wijk_id") REFERENCES "wijk"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "wijk_neighbour" ADD CONSTRAINT "fk_wijk_neighbour_neighbour" FOREIGN KEY ("neighbour_id") REFERENCES "wijk"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "wijk_neighbour" ADD CONSTRAINT "fk_wijk_neighbour_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "wijk_neighbour" DROP CONSTRAINT "fk_wijk_neighbour_municipality"');
    await queryRunner.query('ALTER TABLE "wijk_neighbour" DROP CONSTRAINT "fk_wijk_neighbour_neighbour"');
    await queryRunner.query('ALTER TABLE "wijk_neighbour" DROP CONSTRAINT "fk_wijk_neighbour_wijk"');
    await queryRunner.query('DROP INDEX "public"."uq_wijk_neighbour_pair"');
    await queryRunner.query('DROP INDEX "public"."ix_wijk_neighbour_neighbour"');
    await queryRunner.query('DROP TABLE "wijk_neighbour"');
  }
}
