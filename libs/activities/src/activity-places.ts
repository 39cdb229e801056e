import { EntityManager } from 'typeorm';

/**
 * Places of an activity. Taking is a conditional UPDATE, so racing answers queue on the
 * activity's row and never pass capacity (the check constraint backs it).
 */
export async function takePlaces(manager: EntityManager, activityId: string, places: number): Promise<boolean> {
  const [rows] = await manager.query<[unknown[], number]>(
    `UPDATE activity SET places_taken = places_taken + $2, updated_at = now() WHERE id = $1 AND places_taken + $2 <= capacity AND cancelled_at IS NULL RETURNING id`,
    [activityId, places],
  );
  return rows.length === 1;
}

export async function releasePlaces(manager: EntityManager, activityId: string, places: number): Promise<void> {
  if (places > 0)
    await manager.query(`UPDATE activity SET places_taken = places_taken - $2, updated_at = now() WHERE id = $1`, [
      activityId,
      places,
    ]);
}
