import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedQuery } from './prepared-query';

/** Postgres takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts of up to this many rows are prepared statements (a booking's row, its three messages
 * and their outbox entries); longer batches are not, since each length is a statement of its own.
 */
const PREPARED_ROWS_AT_MOST = 10;

export interface InsertRowsOptions {
  /** Leave out rows that break a unique constraint (ON CONFLICT DO NOTHING) instead of failing. */
  skipConflicts?: boolean;
}

/**
 * Inserts rows in one plain statement (per 65,535 parameters) and returns them as entities,
 * returning every column. The column list and the values' conversions (transformers, jsonb) come
 * from the entity's metadata; unlike Repository.save and the query builder, nothing else is
 * built per call, which matters on paths every booking and every message takes. All rows
 * must set the same properties; columns left out take their database default.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Partial<T>>,
  options: InsertRowsOptions = {},
): Promise<T[]> {
  if (rows.length === 0) return [];
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = Object.keys(rows[0]).map((property) =>
    columnOf(metadata.findColumnWithPropertyName(property), property),
  );
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const inserted: T[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const values = chunk.map(
      (row) =>
        `(${columns
          .map((column) => `$${parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column))}`)
          .join(', ')})`,
    );
    const statement = `INSERT INTO "${metadata.tableName}" (${columns.map((column) => `"${column.databaseName}"`).join(', ')})
       VALUES ${values.join(', ')}${options.skipConflicts ? ' ON CONFLICT DO NOTHING' : ''} RETURNING ${allColumns(manager, target)}`;
    const written =
      chunk.length <= PREPARED_ROWS_AT_MOST
        ? await preparedQuery<Record<string, unknown>>(manager, statement, parameters)
        : await manager.query<Array<Record<string, unknown>>>(statement, parameters);
    inserted.push(...entitiesFromRows(manager, target, written));
  }
  return inserted;
}

const columnLists = new WeakMap<EntityMetadata, string>();

/**
 * Every column of the entity, each named, for statements that read whole entities: unlike `*`,
 * such a statement may be prepared (see preparedQuery).
 */
export function allColumns(manager: EntityManager, target: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.connection.getMetadata(target);
  let list = columnLists.get(metadata);
  if (!list) {
    list = metadata.columns.map((column) => `"${column.databaseName}"`).join(', ');
    columnLists.set(metadata, list);
  }
  return list;
}

/** Entities from rows of whole entities (RETURNING or SELECT of every column), converted as TypeORM would on reading. */
export function entitiesFromRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Record<string, unknown>>,
): T[] {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns)
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}

function columnOf(column: ColumnMetadata | undefined, property: string): ColumnMetadata {
  if (!column) throw new Error(`No column for property ${property}`);
  return column;
}
