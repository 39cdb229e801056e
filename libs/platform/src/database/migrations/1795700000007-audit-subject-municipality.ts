import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality of the person an audit entry is about, so that reads by another
 * municipality's staff (regional respite) show in that person's access log and their
 * admin's audit view. Existing entries are filled in once, the append-only trigger held
 * off for that one statement inside this migration's transaction.
 */
export class AuditSubjectMunicipality1795700000007 implements MigrationInterface {
  name = 'AuditSubjectMunicipality1795700000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" ADD "subject_municipality_id" uuid');
    await queryRunner.query('ALTER TABLE "audit_entry" DISABLE TRIGGER audit_entry_no_update_delete');
    await queryRunner.query(
      `UPDATE audit_entry SET subject_municipality_id = account.municipality_id
         FROM account WHERE account.id = audit_entry.subject_account_id`,
    );
    await queryRunner.query('ALTER TABLE "audit_entry" ENABLE TRIGGER audit_entry_no_update_delete');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_subject_municipality_at" ON "audit_entry" ("subject_municipality_id", "created_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_audit_entry_subject_municipality_at"');
    await queryRunner.query('ALTER TABLE "audit_entry" DROP COLUMN "subject_municipality_id"');
  }
}
