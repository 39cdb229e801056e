import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, holdChangeAudit, Page, PageQuery, paginate, PendingChangeAudit, RequestContext } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditEntry } from './audit-entry.entity';
import { PersonalDataRegistry } from './personal-data';

export interface AuditRecord {
  actor: Actor;
  action: AuditAction;
  route: string;
  subjectType: string;
  subjectIds: string[];
  reason?: string | null;
}

export interface AccessToMine {
  entry: AuditEntry;
  actorName: string | null;
  /** The name of the staff member's municipality when it is not the person's own. */
  otherMunicipality: string | null;
}

export interface AuditFilter {
  actorAccountId?: string;
  subjectAccountId?: string;
  from?: Date;
  to?: Date;
}

/** Writes and reads the audit log; entries are only ever added. */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly context: RequestContext,
  ) {}

  /**
   * Holds a staff change's entry for the request: the change's own transaction writes it just
   * before it commits (ChangeAuditCommitWrite). Ids known beforehand go in now; records the
   * change creates are added by their services (noteAuditSubject).
   */
  holdChange(actor: Actor, route: string, subjectType: string, knownIds: string[]): PendingChangeAudit {
    const pending: PendingChangeAudit = {
      subjectIds: new Set(knownIds),
      written: false,
      write: (manager, subjectIds) => this.record({ actor, action: 'change', route, subjectType, subjectIds }, manager),
    };
    holdChangeAudit(pending);
    return pending;
  }

  /** Writes a held entry that no transaction wrote (work without one), with ids learned only afterwards. */
  async settleChange(pending: PendingChangeAudit, laterIds: string[] = []): Promise<void> {
    if (pending.written) return;
    await pending.write(this.dataSource.manager, [...pending.subjectIds, ...laterIds]);
  }

  /** One entry per record and the person it belongs to; in the caller's transaction when given one. */
  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const ids = [...new Set(entry.subjectIds)];
    if (ids.length === 0) return;
    const owners = await this.ownersOf(manager, entry.subjectType, ids);
    const municipalityOf = await this.municipalitiesOf(manager, [...owners.values()].flat());
    const rows = ids.flatMap((subjectId) => {
      const accounts = owners.get(subjectId) ?? [null];
      return accounts.map((subjectAccountId) => ({
        municipalityId: entry.actor.municipalityId,
        actorAccountId: entry.actor.id,
        actorRole: entry.actor.role,
        action: entry.action,
        route: entry.route,
        subjectType: entry.subjectType,
        subjectId,
        subjectAccountId,
        subjectMunicipalityId: subjectAccountId ? (municipalityOf.get(subjectAccountId) ?? null) : null,
        reason: entry.reason ?? null,
        requestId: this.context.requestId() ?? null,
      }));
    });
    await manager.getRepository(AuditEntry).insert(rows);
  }

  /**
   * The municipality's log, newest first (admins): what its own staff did, and what staff of
   * other municipalities did with its residents' records (regional respite).
   */
  list(filter: AuditFilter, page: PageQuery): Promise<Page<AuditEntry>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('(entry.municipalityId = :municipalityId OR entry.subjectMunicipalityId = :municipalityId)', {
        municipalityId: this.context.municipalityId(),
      });
    if (filter.actorAccountId) query.andWhere('entry.actorAccountId = :actor', { actor: filter.actorAccountId });
    if (filter.subjectAccountId)
      query.andWhere('entry.subjectAccountId = :subject', { subject: filter.subjectAccountId });
    if (filter.from) query.andWhere('entry.createdAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.createdAt < :to', { to: filter.to });
    return paginate(query, page);
  }

  /**
   * Who looked at or changed the acting person's record, newest first, with the staff member's
   * name and, when they work for another municipality, that municipality's name.
   */
  async accessToMine(page: PageQuery): Promise<Page<AccessToMine>> {
    const actor = this.context.actor();
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.subjectAccountId = :me', { me: actor.id });
    const found = await paginate(query, page);
    const actorIds = [...new Set(found.items.map((entry) => entry.actorAccountId))];
    const actors = await this.dataSource.query<
      Array<{ id: string; display_name: string | null; municipality_id: string | null; municipality: string | null }>
    >(
      `SELECT a.id, a.display_name, a.municipality_id, m.name AS municipality
         FROM account a LEFT JOIN municipality m ON m.id = a.municipality_id WHERE a.id = ANY($1)`,
      [actorIds],
    );
    const actorOf = new Map(actors.map((row) => [row.id, row]));
    return {
      items: found.items.map((entry) => {
        const who = actorOf.get(entry.actorAccountId);
        return {
          entry,
          actorName: who?.display_name ?? null,
          otherMunicipality: entry.municipalityId !== actor.municipalityId ? (who?.municipality ?? null) : null,
        };
      }),
      nextCursor: found.nextCursor,
    };
  }

  private async municipalitiesOf(manager: EntityManager, accountIds: string[]): Promise<Map<string, string | null>> {
    if (accountIds.length === 0) return new Map();
    const rows = await manager.query<Array<{ id: string; municipality_id: string | null }>>(
      'SELECT id, municipality_id FROM account WHERE id = ANY($1)',
      [[...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.municipality_id]));
  }

  private async ownersOf(manager: EntityManager, subjectType: string, ids: string[]): Promise<Map<string, string[]>> {
    const owners = new Map<string, string[]>();
    if (subjectType === 'account') {
      for (const id of ids) owners.set(id, [id]);
      return owners;
    }
    const resolve = this.registry.subjectResolver(subjectType);
    if (!resolve) throw new Error(`No audit subject resolver for ${subjectType}`);
    for (const { subjectId, accountId } of await resolve(manager, ids))
      owners.set(subjectId, [...(owners.get(subjectId) ?? []), accountId]);
    return owners;
  }
}
