import { Language } from '../templates/language';
import { ContactChannel } from './message.entity';

export interface Recipient {
  accountId: string;
  municipalityId: string;
  email: string | null;
  language: Language;
  channel: ContactChannel;
  campaignOptOut: boolean;
  displayName: string | null;
  /** The municipality's sender name, e.g. "Mantelzorgsteunpunt Landsmeer". */
  senderName: string;
}

/** How messaging learns about people; identity implements it. */
export abstract class RecipientDirectory {
  abstract get(accountId: string): Promise<Recipient | null>;
  abstract optOutOfCampaigns(accountId: string): Promise<void>;
}

/** A kind of audience (all accounts of some roles, carers matching a filter, ...), registered by its context. */
export interface AudienceSource {
  readonly source: string;
  count(municipalityId: string, filter: Record<string, unknown>): Promise<number>;
  /** Recipients ordered by account id, after `afterAccountId`. */
  page(municipalityId: string, filter: Record<string, unknown>, afterAccountId: string | null, limit: number): Promise<Recipient[]>;
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
