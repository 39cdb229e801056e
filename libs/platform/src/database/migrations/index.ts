import { MigrationInterface } from 'typeorm';
import { Foundation1795370419224 } from './1795370419224-foundation';
import { MessagingBackbone1795371752301 } from './1795371752301-messaging-backbone';
import { Carers1795372793770 } from './1795372793770-carers';
import { CarerFollowUp1795373315249 } from './1795373315249-carer-follow-up';
import { Respite1795374049417 } from './1795374049417-respite';
import { RespiteFollowUp1795380499310 } from './1795380499310-respite-follow-up';
import { Volunteers1795382848424 } from './1795382848424-volunteers';
import { HelpRequests1795383217967 } from './1795383217967-help-requests';
import { VolunteerMatches1795383746295 } from './1795383746295-volunteer-matches';
import { WijkNeighbours1795399227550 } from './1795399227550-wijk-neighbours';
import { Appreciation1795400368143 } from './1795400368143-appreciation';
import { AppreciationMailingsAndFigures1795400845619 } from './1795400845619-appreciation-mailings-and-figures';
import { CultureTickets1795401312287 } from './1795401312287-culture-tickets';
import { AppreciationMunicipalityKeys1795402035903 } from './1795402035903-appreciation-municipality-keys';
import { Activities1795502519154 } from './1795502519154-activities';
import { Privacy1795505445901 } from './1795505445901-privacy';
import { MessageOutcomes1795600000000 } from './1795600000000-message-outcomes';
import { DeliveryTrust1795700000000 } from './1795700000000-delivery-trust';
import { CalendarSequences1795700000001 } from './1795700000001-calendar-sequences';
import { IdempotencyInTheWork1795700000002 } from './1795700000002-idempotency-in-the-work';
import { PrintQueue1795700000003 } from './1795700000003-print-queue';
import { Operators1795700000004 } from './1795700000004-operators';
import { TokenRevocation1795700000005 } from './1795700000005-token-revocation';
import { PartnerKeys1795700000006 } from './1795700000006-partner-keys';
import { AuditSubjectMunicipality1795700000007 } from './1795700000007-audit-subject-municipality';
import { DashboardActions1795700000008 } from './1795700000008-dashboard-actions';
import { PartnerKeyScope1795700000009 } from './1795700000009-partner-key-scope';
import { PortalSessions1795700000010 } from './1795700000010-portal-sessions';
import { HoursCorrections1795700000011 } from './1795700000011-hours-corrections';
import { RedemptionsByPartner1795700000012 } from './1795700000012-redemptions-by-partner';
import { Intake1795700000013 } from './1795700000013-intake';
import { OwnAccount1795700000014 } from './1795700000014-own-account';
import { Providers1795700000015 } from './1795700000015-providers';
import { WeeklyHelp1795700000016 } from './1795700000016-weekly-help';
import { SharedCare1795700000017 } from './1795700000017-shared-care';
import { Feedback1795700000018 } from './1795700000018-feedback';
import { CoursesThatCount1795700000019 } from './1795700000019-courses-that-count';
import { VolunteerAppreciation1795700000020 } from './1795700000020-volunteer-appreciation';
import { ResidentsOnCourses1795700000021 } from './1795700000021-residents-on-courses';

/** Every migration, in order. Bundled builds cannot glob, so each is listed here. */
export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [
  Foundation1795370419224,
  MessagingBackbone1795371752301,
  Carers1795372793770,
  CarerFollowUp1795373315249,
  Respite1795374049417,
  RespiteFollowUp1795380499310,
  Volunteers1795382848424,
  HelpRequests1795383217967,
  VolunteerMatches1795383746295,
  WijkNeighbours1795399227550,
  Appreciation1795400368143,
  AppreciationMailingsAndFigures1795400845619,
  CultureTickets1795401312287,
  AppreciationMunicipalityKeys1795402035903,
  Activities1795502519154,
  Privacy1795505445901,
  MessageOutcomes1795600000000,
  DeliveryTrust1795700000000,
  CalendarSequences1795700000001,
  IdempotencyInTheWork1795700000002,
  PrintQueue1795700000003,
  Operators1795700000004,
  TokenRevocation1795700000005,
  PartnerKeys1795700000006,
  AuditSubjectMunicipality1795700000007,
  DashboardActions1795700000008,
  PartnerKeyScope1795700000009,
  PortalSessions1795700000010,
  HoursCorrections1795700000011,
  RedemptionsByPartner1795700000012,
  Intake1795700000013,
  OwnAccount1795700000014,
  Providers1795700000015,
  WeeklyHelp1795700000016,
  SharedCare1795700000017,
  Feedback1795700000018,
  CoursesThatCount1795700000019,
  VolunteerAppreciation1795700000020,
  ResidentsOnCourses1795700000021,
];
