import { Language } from '../templates/language';
import { ContactChannel } from './message.entity';

export interface Recipient {
  accountId: string;
  municipalityId: string;
  email: string | null;
  language: Language;
  channel: ContactChannel;
  campaignOptOut: boolean;
  /** Campaign kinds the person chose not to get, one by one. */
  mailOptOuts: string[];
  displayName: string | null;
  /** The municipality's sender name, e.g. "Mantelzorgsteunpunt Landsmeer". */
  senderName: string;
}

/** How messaging learns about people; identity implements it. */
export abstract class RecipientDirectory {
  abstract get(accountId: string): Promise<Recipient | null>;
  /** Several at once (a batch of a fan-out); the accounts gone or disabled are left out. */
  abstract getMany(accountIds: string[]): Promise<Map<string, Recipient>>;
  abstract optOutOfCampaigns(accountId: string): Promise<void>;
  /** The municipality's sender name, for a message to an address without an account. */
  abstract senderNameOf(municipalityId: string): Promise<string | null>;
}

/** A kind of audience (all accounts of some roles, carers matching a filter, ...), registered by its context. */
export interface AudienceSource {
  readonly source: string;
  /** People in the audience; with a dedupe scope, only those not yet messaged in it (see notMessagedInScope). */
  count(municipalityId: string, filter: Record<string, unknown>, dedupeScope: string | null): Promise<number>;
  /**
   * The SQL of a page of recipients ordered by account id, after `afterAccountId`, with the
   * columns of RecipientColumns: the fan-out writes its messages from it in one statement.
   */
  pageQuery(
    municipalityId: string,
    filter: Record<string, unknown>,
    afterAccountId: string | null,
    limit: number,
    dedupeScope: string | null,
  ): AudienceQuery;
}

/** A SELECT with positional parameters ($1 …) and the columns account_id, email, language, contact_channel, campaign_opt_out_at. */
export interface AudienceQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * SQL condition for an audience query: the account (column given) has no message yet in the
 * dedupe scope, e.g. was not invited to this activity before. Bind `dedupeScope` as a parameter.
 * It is an index lookup on the unique dedupe key (`<scope>:<account id>`), the key the fan-out
 * writes (FanoutExpansionProcessor) and that guards its insert.
 */
export function notMessagedInScope(accountIdColumn: string): string {
  return `NOT EXISTS (SELECT 1 FROM message scoped WHERE scoped.dedupe_key = :dedupeScope || ':' || ${accountIdColumn}::text)`;
}

export interface PostalAddress {
  name: string;
  postcode: string;
  houseNumber: string;
}

/** Where people who chose post live; the carers context knows their addresses. */
export abstract class PostalAddressBook {
  abstract addresses(accountIds: string[]): Promise<Map<string, PostalAddress>>;
}
