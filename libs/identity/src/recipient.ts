import { Account } from './account.entity';

/** What of an account a message needs. */
export type RecipientAccount = Pick<Account, 'id' | 'municipalityId' | 'email' | 'language' | 'contactChannel'>;

/** Whom and how a message reaches, from an account: address, language and chosen channel. */
export function recipientOf(account: RecipientAccount) {
  return {
    accountId: account.id,
    municipalityId: account.municipalityId,
    email: account.email,
    language: account.language,
    channel: account.contactChannel,
  };
}
