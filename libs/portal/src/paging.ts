import { isPageCursor } from '@app/platform';

/** A cursor from a page's query string, as the API's paging gives them; anything else starts at the first page. */
export function pageCursor(value: string | undefined): string | undefined {
  return value && value.length <= 200 && isPageCursor(value) ? value : undefined;
}
