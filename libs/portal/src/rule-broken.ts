import { DomainError } from '@app/platform';
import { PortalLanguage } from './texts';

/**
 * The reader's words for a rule the services refused on (slot full, past the cut-off, ...),
 * to show beside the form; anything else is not the reader's to fix and goes on up.
 */
export function ruleBroken(error: unknown, lang: PortalLanguage): string {
  if (error instanceof DomainError && error.status < 500) return error.detail[lang];
  throw error;
}
