import { RespiteBudgetSetting } from '@app/identity';
import { EntityManager } from 'typeorm';
import { RespiteBudgetUsage } from './respite-booking.entity';
import { BudgetExceededError } from './respite-errors';

/**
 * The yearly respite budget per carer. Reserving locks the carer's usage row, so one
 * carer's parallel bookings are counted one after another; the row's check keeps it >= 0.
 */
export async function reserveBudget(manager: EntityManager, owner: { carerId: string; municipalityId: string }, year: number, units: number, budget: RespiteBudgetSetting): Promise<void> {
  await manager.query(`INSERT INTO respite_budget_usage (municipality_id, carer_id, year, used) VALUES ($1, $2, $3, 0) ON CONFLICT (carer_id, year) DO NOTHING`, [
    owner.municipalityId,
    owner.carerId,
    year,
  ]);
  const usage = await manager.getRepository(RespiteBudgetUsage).findOneOrFail({ where: { carerId: owner.carerId, year }, lock: { mode: 'pessimistic_write' } });
  if (usage.used + units > budget.perYear) throw new BudgetExceededError(usage.used, budget.perYear, budget.unit);
  await manager.query('UPDATE respite_budget_usage SET used = used + $1, updated_at = now() WHERE id = $2', [units, usage.id]);
}

export async function releaseBudget(manager: EntityManager, carerId: string, year: number, units: number): Promise<void> {
  await manager.query('UPDATE respite_budget_usage SET used = GREATEST(used - $1, 0), updated_at = now() WHERE carer_id = $2 AND year = $3', [units, carerId, year]);
}

export async function budgetUsed(manager: EntityManager, carerId: string, year: number): Promise<number> {
  const usage = await manager.getRepository(RespiteBudgetUsage).findOneBy({ carerId, year });
  return usage?.used ?? 0;
}
