import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, RequestContext } from '@app/platform';
import { DataSource } from 'typeorm';
import { AuditLog } from './audit-log';
import { ExportSection, PersonalDataRegistry } from './personal-data';

export interface PersonalDataExport {
  accountId: string;
  exportedAt: string;
  /** Every table that can hold something about the person, by table name; empty ones included. */
  tables: ExportSection;
}

/** Everything stored about one person (AVG inzage and dataportabiliteit), read as one consistent snapshot. */
@Injectable()
export class PersonalDataAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
  ) {}

  exportOf(accountId: string): Promise<PersonalDataExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const tables: ExportSection = {};
      for (const source of this.registry.all()) Object.assign(tables, await source.exportOf(manager, accountId));
      return { accountId, exportedAt: new Date().toISOString(), tables };
    });
  }

  /** Staff produce the export for a carer or volunteer of their municipality; the reason goes to the audit log. */
  async exportFor(accountId: string, reason: string, route: string): Promise<PersonalDataExport> {
    const actor = this.context.actor();
    const [person] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM account WHERE id = $1 AND municipality_id = $2 AND role IN ('carer', 'volunteer')`,
      [accountId, actor.municipalityId],
    );
    if (!person) throw new NotFoundError({ nl: 'De persoon', en: 'The person' });
    await this.audit.record({
      actor,
      action: 'export',
      route,
      subjectType: 'account',
      subjectIds: [accountId],
      reason,
    });
    return this.exportOf(accountId);
  }
}
