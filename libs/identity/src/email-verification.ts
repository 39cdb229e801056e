import { DomainError } from '@app/platform';
import { Account } from './account.entity';

/** A person with an email address confirms it before booking or applying; people reached by post have none to confirm. */
export function assertEmailVerified(
  account: Pick<Account, 'email' | 'emailVerifiedAt'> | null,
  action: 'booking' | 'applying',
): void {
  if (account?.email && !account.emailVerifiedAt)
    throw new DomainError('EMAIL_NOT_VERIFIED', 403, {
      nl: `Bevestig eerst uw e-mailadres; daarna kunt u ${action === 'booking' ? 'boeken' : 'aanvragen'}.`,
      en: `Verify your email address before ${action}.`,
    });
}
