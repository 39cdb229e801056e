import { RespiteBudgetSetting } from '@app/identity';
import { preparedQuery } from '@app/platform';
import { EntityManager } from 'typeorm';
import { RespiteBudgetUsage } from './respite-booking.entity';
import { BudgetExceededError } from './respite-errors';

/**
 * The yearly respite budget per carer. Reserving is one conditional upsert: it adds to the
 * carer's usage row only while the total stays within the budget, and holds that row's lock
 * to the commit, so one carer's parallel bookings are counted one after another; the row's
 * check keeps it >= 0.
 */
export async function reserveBudget(
  manager: EntityManager,
  owner: { carerId: string; municipalityId: string },
  year: number,
  units: number,
  budget: RespiteBudgetSetting,
): Promise<void> {
  const [reserved] = await preparedQuery<{ used: string }>(
    manager,
    `INSERT INTO respite_budget_usage AS usage (municipality_id, carer_id, year, used)
     SELECT $1, $2, $3, $4::numeric WHERE $4::numeric <= $5::numeric
     ON CONFLICT (carer_id, year) DO UPDATE SET used = usage.used + EXCLUDED.used, updated_at = now() WHERE usage.used + EXCLUDED.used <= $5::numeric
     RETURNING used`,
    [owner.municipalityId, owner.carerId, year, units, budget.perYear],
  );
  if (!reserved)
    throw new BudgetExceededError(await budgetUsed(manager, owner.carerId, year), budget.perYear, budget.unit);
}

export async function releaseBudget(
  manager: EntityManager,
  carerId: string,
  year: number,
  units: number,
): Promise<void> {
  await manager.query(
    'UPDATE respite_budget_usage SET used = GREATEST(used - $1, 0), updated_at = now() WHERE carer_id = $2 AND year = $3',
    [units, carerId, year],
  );
}

export async function budgetUsed(manager: EntityManager, carerId: string, year: number): Promise<number> {
  const usage = await manager.getRepository(RespiteBudgetUsage).findOneBy({ carerId, year });
  return usage?.used ?? 0;
}
