import { ClsServiceManager } from 'nestjs-cls';
import { EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent } from 'typeorm';

const CLAIM_KEY = 'idempotency-claim';

/** The Idempotency-Key a request holds, and whether its work's transaction has marked it. */
export interface IdempotencyClaim {
  recordId: string;
  marked: boolean;
}

export function holdClaim(claim: IdempotencyClaim): void {
  ClsServiceManager.getClsService().set(CLAIM_KEY, claim);
}

function currentClaim(): IdempotencyClaim | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<IdempotencyClaim | undefined>(CLAIM_KEY) : undefined;
}

/**
 * For work that is one statement, without a transaction (a hot path: BEGIN and COMMIT are two
 * round trips more): the statement marks the key itself. `sql(n)` is a data-modifying CTE
 * clause for the statement's WITH that marks the claim whose id is parameter `$n` (null when
 * the request holds no key) only when `workDone` holds; `parameter` is that id. Call `marked()`
 * once the statement has done its work.
 */
export function markInStatement(workDone: string): {
  sql: (parameter: number) => string;
  parameter: string | null;
  marked: () => void;
} {
  const claim = currentClaim();
  const recordId = claim && !claim.marked ? claim.recordId : null;
  return {
    sql: (parameter) =>
      `idempotency_marked AS (UPDATE idempotency_record SET work_committed_at = now()
        WHERE id = $${parameter}::uuid AND EXISTS (${workDone}))`,
    parameter: recordId,
    marked: () => {
      if (claim && recordId) claim.marked = true;
    },
  };
}

/**
 * Marks a request's Idempotency-Key inside the transaction of its work, just before that
 * transaction commits: the work and the mark commit together or not at all. A key whose work
 * is marked is never run again, whatever happens to the process afterwards; a key without a
 * mark changed nothing and may be run again once its lease has passed.
 */
@EventSubscriber()
export class IdempotencyCommitMark implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = currentClaim();
    // Only the outermost transaction commits for real; a savepoint's release is not a commit.
    if (!claim || claim.marked || (event.queryRunner as { transactionDepth?: number }).transactionDepth !== 1) return;
    await event.queryRunner.query('UPDATE idempotency_record SET work_committed_at = now() WHERE id = $1', [
      claim.recordId,
    ]);
    claim.marked = true;
  }
}
