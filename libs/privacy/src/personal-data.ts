import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SubjectOwner {
  subjectId: string;
  accountId: string;
}

/** Rows of one table about one person, as stored (encrypted text opened). */
export type ExportSection = Record<string, object[]>;

/**
 * What a context stores about people: it exports, erases and finds the expired of its own
 * tables, so the privacy rules reach every table without privacy reading them itself.
 */
export interface PersonalDataSource {
  /** The tables this source answers for; the export has a section for each. */
  readonly tables: readonly string[];
  exportOf(manager: EntityManager, accountId: string): Promise<ExportSection>;
  /** Anonymises or removes the person's personal data and keeps what anonymous figures need. Idempotent. */
  erase(manager: EntityManager, accountId: string): Promise<void>;
  /** Audit subject kinds of this context, resolved to the people the records belong to. */
  readonly auditSubjects?: Record<string, (manager: EntityManager, subjectIds: string[]) => Promise<SubjectOwner[]>>;
  /** People whose data the retention period has run out for, as of now. */
  expiredPeople?(manager: EntityManager): Promise<string[]>;
  /** Columns of health free text under FieldCipher, re-encrypted on key rotation. */
  readonly encryptedColumns?: ReadonlyArray<{ table: string; column: string }>;
}

/** Every source of personal data, registered by the context that owns it. */
@Injectable()
export class PersonalDataRegistry {
  private readonly sources: PersonalDataSource[] = [];

  register(source: PersonalDataSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  all(): readonly PersonalDataSource[] {
    return this.sources;
  }

  subjectResolver(
    subjectType: string,
  ): ((manager: EntityManager, ids: string[]) => Promise<SubjectOwner[]>) | undefined {
    for (const source of this.sources) {
      const resolver = source.auditSubjects?.[subjectType];
      if (resolver) return resolver;
    }
    return undefined;
  }

  encryptedColumns(): Array<{ table: string; column: string }> {
    return this.sources.flatMap((source) => source.encryptedColumns ?? []);
  }
}

/**
 * Runs reads of one transaction one after another and returns their results in order: a transaction
 * holds one connection, which answers one query at a time (pg refuses overlapping queries from pg 9 on).
 */
export async function oneAtATime<T extends readonly unknown[]>(reads: {
  [K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
  const results: unknown[] = [];
  for (const read of reads as ReadonlyArray<() => Promise<unknown>>) results.push(await read());
  return results as unknown as T;
}
