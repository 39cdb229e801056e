/** Query strings carry text; these turn "true"/"false" and digit strings into what the DTO validates. */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export const queryInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

const SPACE_FOR_PLUS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})$/;

/**
 * A time in a query string. An offset copied unencoded into a URL ("…T00:00:00+01:00") arrives with
 * its + turned into a space; that form can mean nothing else, so it is read as the + it was.
 */
export const queryInstant = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.replace(SPACE_FOR_PLUS, '$1+$2') : value;

/** The validation message of a query-string time. */
export const queryInstantMessage = (field: string): string =>
  `${field} must be ISO 8601 with an offset, e.g. 2026-12-01T00:00:00+01:00 (in a URL, write + as %2B)`;
