import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PortalTexts } from './texts';

export type FieldErrors = Record<string, string>;

export type FormCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Checks a submitted form against the same DTO the JSON API uses, so the portal and the API
 * hold the same rules; each failing field gets one plain-language message next to it.
 */
export async function checkForm<T extends object>(
  dto: ClassConstructor<T>,
  values: Record<string, unknown>,
  texts: PortalTexts,
): Promise<FormCheck<T>> {
  const value = plainToInstance(dto, values);
  const problems = await validate(value, { whitelist: true, forbidNonWhitelisted: false });
  if (problems.length === 0) return { ok: true, value };
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.property] = texts.fieldInvalid[problem.property] ?? texts.somethingWrong;
  return { ok: false, errors };
}

/**
 * Form fields as strings; absent, repeated or oversized values are cut down to one short string,
 * and NUL characters (which no one types and Postgres cannot store) are dropped.
 */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') values[key] = first.replaceAll('\u0000', '').slice(0, 2000);
  }
  return values;
}

/** A number as typed by a Dutch or English reader: "1,5" and "1.5" alike; undefined when left empty. */
export function typedNumber(value: string | undefined): number | undefined {
  const trimmed = value?.trim();
  return trimmed ? Number(trimmed.replace(',', '.')) : undefined;
}
