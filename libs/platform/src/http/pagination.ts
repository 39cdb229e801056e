import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from './domain-error';

export const MAX_PAGE_SIZE = 100;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  createdAt: string;
  id: string;
}

function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new DomainError('INVALID_CURSOR', 400, {
      nl: 'De cursor is ongeldig; begin opnieuw zonder cursor.',
      en: 'The cursor is not valid; start again without it.',
    });
  }
}

/** Whether a cursor is one that paging gave out (pages built from links check before asking). */
export function isPageCursor(cursor: string): boolean {
  try {
    decodeCursor(cursor);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keyset pagination, newest first, on (created_at, id): stable under inserts and
 * fast at any depth. The query builder's alias must have createdAt and id.
 */
export async function paginate<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  page: PageQuery,
): Promise<Page<T>> {
  const alias = query.alias;
  const limit = page.limit ?? 20;
  if (page.cursor) {
    const position = decodeCursor(page.cursor);
    query.andWhere(`(${alias}.createdAt, ${alias}.id) < (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: position.createdAt,
      cursorId: position.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null;
  return { items, nextCursor };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}

/** OpenAPI for a `{ items, nextCursor }` answer. */
export function ApiPageResponse(item: ClassType<unknown>) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    }),
  );
}

/**
 * `{ items, nextCursor }` over a short list read whole (a carer's consents, a municipality's wijken):
 * the same `limit` and `cursor` as every other list, in the list's own order. The cursor names the
 * last item shown, so a page stays right when items are added elsewhere in the list.
 */
export function pageOfList<T extends { id: string }>(all: T[], page: PageQuery): Page<T>;
export function pageOfList<T>(all: T[], page: PageQuery, keyOf: (item: T) => string): Page<T>;
export function pageOfList<T>(all: T[], page: PageQuery, keyOf: (item: T) => string = defaultKey): Page<T> {
  const limit = page.limit ?? 20;
  let start = 0;
  if (page.cursor) {
    const key = decodeListCursor(page.cursor);
    const index = all.findIndex((item) => keyOf(item) === key);
    if (index < 0)
      throw new DomainError('INVALID_CURSOR', 400, {
        nl: 'De cursor is ongeldig; begin opnieuw zonder cursor.',
        en: 'The cursor is not valid; start again without it.',
      });
    start = index + 1;
  }
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length && items.length > 0;
  return { items, nextCursor: more ? Buffer.from(keyOf(items[items.length - 1])).toString('base64url') : null };
}

function defaultKey(item: unknown): string {
  return String((item as { id: unknown }).id);
}

function decodeListCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
