import { PortalLanguage } from './texts';

/** Each municipal setting explained in a sentence, for the admin who changes it. */
export const NUMBER_SETTINGS = [
  'respiteMinimumNoticeHours',
  'respiteCancellationCutoffHours',
  'waitlistHoldHours',
  'signalDueWorkingDays',
  'rescreeningMonths',
  'reconfirmationGraceDays',
  'vogMaximumAgeMonths',
  'volunteerExpiryNoticeDays',
  'voucherExpiryNoticeDays',
  'retentionMonths',
] as const;

export type NumberSetting = (typeof NUMBER_SETTINGS)[number];

type Explained = { label: string; hint: string };

export const SETTING_TEXTS: Record<
  PortalLanguage,
  Record<NumberSetting | 'perYear' | 'reminders' | 'senderName', Explained>
> = {
  nl: {
    perYear: {
      label: 'Respijtzorg per mantelzorger per jaar (dagdelen)',
      hint: 'Zoveel dagdelen mag een mantelzorger per kalenderjaar boeken.',
    },
    respiteMinimumNoticeHours: {
      label: 'Minimaal uren vooraf boeken',
      hint: 'Zo lang voor de start moet een boeking binnen zijn, zodat de aanbieder kan plannen.',
    },
    respiteCancellationCutoffHours: {
      label: 'Gratis annuleren tot (uren vooraf)',
      hint: 'Wie later annuleert, verbruikt het dagdeel toch.',
    },
    waitlistHoldHours: {
      label: 'Bedenktijd bij een vrijgekomen plek (uren)',
      hint: 'Zo lang houden we een plek vast voor iemand van de wachtlijst.',
    },
    reminders: {
      label: 'Herinneringen (uren vooraf, met komma’s)',
      hint: 'Bijvoorbeeld 48, 3: een herinnering twee dagen en drie uur van tevoren.',
    },
    signalDueWorkingDays: {
      label: 'Contact na een signaal binnen (werkdagen)',
      hint: 'Na een zware zelftest neemt het steunpunt binnen zoveel werkdagen contact op.',
    },
    rescreeningMonths: {
      label: 'Zelftest opnieuw na (maanden)',
      hint: 'Mantelzorgers krijgen na zoveel maanden een uitnodiging voor een nieuwe zelftest.',
    },
    reconfirmationGraceDays: {
      label: 'Bedenktijd bij herbevestigen (dagen)',
      hint: 'Zo lang heeft een mantelzorger om te laten weten dat hij of zij nog mantelzorger is.',
    },
    vogMaximumAgeMonths: { label: 'VOG geldig (maanden)', hint: 'Een oudere VOG telt niet meer voor vrijwilligers.' },
    volunteerExpiryNoticeDays: {
      label: 'Vrijwilligers herinneren (dagen vooraf)',
      hint: 'Zoveel dagen voordat een VOG of training verloopt, krijgen vrijwilliger en steunpunt bericht.',
    },
    voucherExpiryNoticeDays: {
      label: 'Waardebon-herinnering (dagen vooraf)',
      hint: 'Zoveel dagen voor het verlopen van een waardebon met saldo krijgt de mantelzorger bericht.',
    },
    retentionMonths: {
      label: 'Gegevens bewaren na inactiviteit (maanden)',
      hint: 'Daarna worden gegevens van inactieve mensen geanonimiseerd (AVG).',
    },
    senderName: { label: 'Afzender van e-mails', hint: 'Bijvoorbeeld: Mantelzorgsteunpunt Landsmeer.' },
  },
  en: {
    perYear: {
      label: 'Respite per carer per year (dagdelen)',
      hint: 'A carer may book this many dagdelen (half days) per calendar year.',
    },
    respiteMinimumNoticeHours: {
      label: 'Minimum hours of notice for a booking',
      hint: 'A booking must be in this long before the start, so the provider can plan.',
    },
    respiteCancellationCutoffHours: {
      label: 'Free cancellation until (hours before)',
      hint: 'Who cancels later still uses up the dagdeel.',
    },
    waitlistHoldHours: {
      label: 'Time to accept a freed place (hours)',
      hint: 'This long we hold a place for someone on the waiting list.',
    },
    reminders: {
      label: 'Reminders (hours before, comma-separated)',
      hint: 'For example 48, 3: a reminder two days and three hours before.',
    },
    signalDueWorkingDays: {
      label: 'Contact after a signal within (working days)',
      hint: 'After a heavy self-test the support point contacts the carer within this many working days.',
    },
    rescreeningMonths: {
      label: 'Self-test again after (months)',
      hint: 'Carers are invited to a new self-test after this many months.',
    },
    reconfirmationGraceDays: {
      label: 'Time to re-confirm (days)',
      hint: 'This long a carer has to let us know they still give care.',
    },
    vogMaximumAgeMonths: { label: 'VOG valid for (months)', hint: 'An older VOG no longer counts for volunteers.' },
    volunteerExpiryNoticeDays: {
      label: 'Remind volunteers (days before)',
      hint: 'This many days before a VOG or training lapses, the volunteer and the support point are told.',
    },
    voucherExpiryNoticeDays: {
      label: 'Voucher reminder (days before)',
      hint: 'This many days before a voucher with balance left expires, its carer is told.',
    },
    retentionMonths: {
      label: 'Keep data after inactivity (months)',
      hint: 'After that, data of inactive people is anonymised (GDPR).',
    },
    senderName: { label: 'Sender of emails', hint: 'For example: Mantelzorgsteunpunt Landsmeer.' },
  },
};
