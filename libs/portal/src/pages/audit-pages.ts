import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountService, MunicipalityService } from '@app/identity';
import { AuditLog } from '@app/privacy';
import { dateTimeText } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { pageCursor } from '../paging';
import { PortalRoutes } from '../portal-routes';

/** The municipality's audit log for its admins, newest first, page by page with the API's cursors. */
@Injectable()
export class AuditPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly audit: AuditLog,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add({ method: 'GET', path: '/audit', access: 'admin', handle: (call) => this.list(call) });
  }

  private async list(call: PortalCall): Promise<PortalResult> {
    const cursor = pageCursor(call.query.cursor);
    const [municipality, page] = await Promise.all([
      this.municipalities.current(),
      this.audit.list({}, { limit: 50, cursor }),
    ]);
    const actors = await this.accounts.findByIds([...new Set(page.items.map((entry) => entry.actorAccountId))]);
    const nameOf = new Map(actors.map((account) => [account.id, account.displayName ?? account.email ?? '']));
    return {
      view: 'pages/audit.eta',
      title: call.t.auditTitle,
      data: {
        entries: page.items.map((entry) => ({
          at: dateTimeText(entry.createdAt, call.lang, municipality.timezone),
          actor: nameOf.get(entry.actorAccountId) ?? entry.actorAccountId,
          action: entry.action,
          route: entry.route,
          subject: entry.subjectType,
          otherMunicipality: entry.municipalityId !== municipality.id,
        })),
        next: page.nextCursor ? `/audit?cursor=${encodeURIComponent(page.nextCursor)}` : null,
      },
    };
  }
}
