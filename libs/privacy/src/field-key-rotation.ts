import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldCipher } from '@app/platform';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from './personal-data';

const BATCH = 500;

export interface RotationOutcome {
  table: string;
  column: string;
  reencrypted: number;
}

/**
 * Re-encrypts every health free-text value still under an older key with FIELD_ENCRYPTION_KEY.
 * Runs while the platform is in use: each value is replaced only if nobody changed it meanwhile,
 * and values under the old key keep opening (FIELD_ENCRYPTION_PREVIOUS_KEYS) until it ends.
 */
@Injectable()
export class FieldKeyRotation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly cipher: FieldCipher,
  ) {}

  async reencryptAll(): Promise<RotationOutcome[]> {
    const outcomes: RotationOutcome[] = [];
    for (const { table, column } of this.registry.encryptedColumns())
      outcomes.push({ table, column, reencrypted: await this.reencrypt(table, column) });
    return outcomes;
  }

  /** How many values still need the current key, per column; all zero once the old key can go. */
  async staleCounts(): Promise<RotationOutcome[]> {
    const counts: RotationOutcome[] = [];
    for (const { table, column } of this.registry.encryptedColumns()) {
      const [row] = await this.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL AND NOT starts_with(${column}, $1)`,
        [this.cipher.currentPrefix()],
      );
      counts.push({ table, column, reencrypted: row?.n ?? 0 });
    }
    return counts;
  }

  private async reencrypt(table: string, column: string): Promise<number> {
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<Array<{ id: string; value: string }>>(
        `SELECT id, ${column} AS value FROM ${table} WHERE id > $1 AND ${column} IS NOT NULL AND NOT starts_with(${column}, $2) ORDER BY id LIMIT ${BATCH}`,
        [after, this.cipher.currentPrefix()],
      );
      if (rows.length === 0) return done;
      for (const row of rows) {
        const [, changed] = await this.dataSource.query<[unknown, number]>(
          `UPDATE ${table} SET ${column} = $1 WHERE id = $2 AND ${column} = $3`,
          [this.cipher.encrypt(this.cipher.decrypt(row.value)), row.id, row.value],
        );
        done += changed;
      }
      after = rows[rows.length - 1].id;
    }
  }
}
