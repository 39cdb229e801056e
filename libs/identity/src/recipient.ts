import { Account } from './account.entity';

/** Whom and how a message reaches, from an account: address, language and chosen channel. */
export function recipientOf(account: Account) {
  return {
    accountId: account.id,
    municipalityId: account.municipalityId,
    email: account.email,
    language: account.language,
    channel: account.contactChannel,
  };
}
