import { Injectable } from '@nestjs/common';
import { holdChangeAudit, RequestContext } from '@app/platform';
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
    const actor = this.context.actor();
    const pending = {
      subjectIds: new Set(subjectIds),
      written: false,
      write: (manager: Parameters<AuditLog['record']>[1], ids: string[]) =>
        this.audit.record({ actor, action: 'change', route, subjectType, subjectIds: ids }, manager),
    };
    holdChangeAudit(pending);
    const result = await work();
    if (!pending.written) await pending.write(this.audit.manager(), [...pending.subjectIds]);
    return result;
  }
}
