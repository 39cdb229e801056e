import { ClsServiceManager } from 'nestjs-cls';
import { EntityManager, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent } from 'typeorm';

const PENDING_KEY = 'pending-change-audit';

/**
 * The audit entry a staff change owes, held for the request until the change's transaction
 * commits. `write` adds the entry through the committing transaction's manager.
 */
export interface PendingChangeAudit {
  subjectIds: Set<string>;
  written: boolean;
  write(manager: EntityManager, subjectIds: string[]): Promise<void>;
}

export function holdChangeAudit(pending: PendingChangeAudit): void {
  ClsServiceManager.getClsService().set(PENDING_KEY, pending);
}

function pendingChangeAudit(): PendingChangeAudit | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<PendingChangeAudit | undefined>(PENDING_KEY) : undefined;
}

/**
 * Names a record the current change creates or touches, so its audit entry can be written in
 * that transaction (a route's answer, which holds a new record's id, exists only after the commit).
 */
export function noteAuditSubject(id: string): void {
  pendingChangeAudit()?.subjectIds.add(id);
}

/**
 * Writes a staff change's audit entry inside the change's own transaction, just before it
 * commits: the change and its entry are kept together or not at all.
 */
@EventSubscriber()
export class ChangeAuditCommitWrite implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const pending = pendingChangeAudit();
    // Only the outermost transaction commits for real; a savepoint's release is not a commit.
    if (!pending || pending.written || pending.subjectIds.size === 0) return;
    if ((event.queryRunner as { transactionDepth?: number }).transactionDepth !== 1) return;
    await pending.write(event.manager, [...pending.subjectIds]);
    pending.written = true;
  }
}
