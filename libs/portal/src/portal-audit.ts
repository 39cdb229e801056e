import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/platform';
import { AuditLog } from '@app/privacy';

/**
 * The portal's staff pages audit as the API's routes do: a read is written before the page is
 * shown, a change inside the change's own transaction (or right after work without one).
 */
@Injectable()
export class PortalAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
  ) {}

  async read(route: string, subjectType: string, subjectIds: string[]): Promise<void> {
    await this.audit.record({ actor: this.context.actor(), action: 'read', route, subjectType, subjectIds });
  }

  async change<T>(route: string, subjectType: string, subjectIds: string[], work: () => Promise<T>): Promise<T> {
    const pending = this.audit.holdChange(this.context.actor(), route, subjectType, subjectIds);
    const result = await work();
    await this.audit.settleChange(pending);
    return result;
  }
}
