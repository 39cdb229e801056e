import { PortalLanguage } from './texts';

/** What each kind of message is about, as a person would say it; unknown kinds read as their words. */
const LABELS: Record<PortalLanguage, Record<string, string>> = {
  nl: {
    account_invitation: 'Uitnodiging voor een account',
    activity_answer_confirmed: 'Bevestiging van uw aanmelding',
    activity_invitation: 'Uitnodiging voor een activiteit',
    activity_place_offered: 'Er is een plek vrij bij een activiteit',
    activity_reminder: 'Herinnering aan een activiteit',
    activity_session_changed: 'Een activiteit is veranderd',
    appreciation_campaign_open: 'U kunt de mantelzorgwaardering aanvragen',
    appreciation_voucher_expiring: 'Uw waardebon verloopt binnenkort',
    appreciation_voucher_issued: 'Uw waardebon',
    email_verification: 'Bevestig uw e-mailadres',
    verify_email: 'Bevestig uw e-mailadres',
    password_reset: 'Nieuw wachtwoord kiezen',
    reconfirmation_request: 'Bent u nog mantelzorger?',
    rescreening_reminder: 'Tijd voor een nieuwe zelftest',
    respite_booking_cancelled: 'Uw boeking is geannuleerd',
    respite_booking_confirmed: 'Bevestiging van uw boeking',
    respite_reminder: 'Herinnering aan uw respijtzorg',
    respite_slot_cancelled: 'Uw respijtzorg gaat niet door',
    respite_waitlist_offer: 'Er is een plek vrij voor u',
    volunteer_match_proposed: 'Een voorstel voor u als vrijwilliger',
    volunteer_match_accepted: 'Een vrijwilliger helpt u',
  },
  en: {
    account_invitation: 'Invitation to an account',
    activity_answer_confirmed: 'Your answer is confirmed',
    activity_invitation: 'Invitation to an activity',
    activity_place_offered: 'A place is free at an activity',
    activity_reminder: 'Reminder of an activity',
    activity_session_changed: 'An activity has changed',
    appreciation_campaign_open: 'You can apply for the carer appreciation',
    appreciation_voucher_expiring: 'Your voucher expires soon',
    appreciation_voucher_issued: 'Your voucher',
    email_verification: 'Confirm your email address',
    verify_email: 'Confirm your email address',
    password_reset: 'Choose a new password',
    reconfirmation_request: 'Are you still a carer?',
    rescreening_reminder: 'Time for a new self-test',
    respite_booking_cancelled: 'Your booking is cancelled',
    respite_booking_confirmed: 'Your booking is confirmed',
    respite_reminder: 'Reminder of your respite care',
    respite_slot_cancelled: 'Your respite care is called off',
    respite_waitlist_offer: 'A place is free for you',
    volunteer_match_proposed: 'A proposal for you as a volunteer',
    volunteer_match_accepted: 'A volunteer helps you',
  },
};

export function messageLabel(kind: string, lang: PortalLanguage): string {
  return LABELS[lang][kind] ?? kind.replace(/_/g, ' ');
}
