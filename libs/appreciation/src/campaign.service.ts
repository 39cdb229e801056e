import { Injectable } from '@nestjs/common';
import {
  DomainError,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  ValidationFailedError,
} from '@app/platform';
import { DateTime } from 'luxon';
import { MunicipalityService } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox, QUEUES } from '@app/messaging';
import { DataSource, QueryFailedError } from 'typeorm';
import { CampaignYearTakenError } from './appreciation-errors';
import {
  AppreciationCampaign,
  CampaignAudience,
  SharedCareRule,
  VolunteerRules,
  CampaignKind,
  EligibilityRules,
} from './campaign.entity';

export interface NewCampaign {
  year: number;
  kind: CampaignKind;
  amountCents: number;
  opensAt: string;
  closesAt: string;
  rules: Omit<EligibilityRules, 'minAge'> & { minAge?: number };
  budgetCents?: number;
  budgetCount?: number;
  cultureTicketName?: string;
  cultureTicketStock?: number;
  sharedCareRule?: SharedCareRule;
  audience?: CampaignAudience;
  volunteerRules?: VolunteerRules;
  /** A year after closing when left out. */
  vouchersExpireOn?: string;
}

/** Campaigns of the acting municipality: one a year. */
@Injectable()
export class CampaignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(AppreciationCampaign)
    private readonly campaigns: MunicipalityScopedRepository<AppreciationCampaign>,
    private readonly outbox: Outbox,
    private readonly municipalities: MunicipalityService,
  ) {}

  async create(input: NewCampaign): Promise<AppreciationCampaign> {
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    const closingDay = DateTime.fromJSDate(closesAt).setZone((await this.municipalities.current()).timezone);
    const vouchersExpireOn = input.vouchersExpireOn ?? closingDay.plus({ years: 1 }).toISODate()!;
    if (closesAt <= opensAt)
      throw new DomainError('CAMPAIGN_WINDOW_INVALID', 422, {
        nl: 'closesAt moet later zijn dan opensAt.',
        en: 'closesAt must come after opensAt.',
      });
    if (vouchersExpireOn < closingDay.toISODate()!)
      throw new DomainError('CAMPAIGN_WINDOW_INVALID', 422, {
        nl: 'Waardebonnen moeten geldig blijven tot ten minste het einde van de aanvraagperiode.',
        en: 'Vouchers must stay valid at least until the window closes.',
      });
    const offersTicket = input.kind === 'voucher_or_culture_ticket';
    if (offersTicket !== (input.cultureTicketName !== undefined && input.cultureTicketStock !== undefined)) {
      throw new DomainError('CAMPAIGN_CULTURE_TICKET_MISMATCH', 422, {
        nl: 'Een keuze met cultuurkaart vraagt cultureTicketName en cultureTicketStock; een waardering met alleen waardebonnen heeft die niet.',
        en: 'A choice with a culture ticket needs cultureTicketName and cultureTicketStock; a voucher-only campaign has neither.',
      });
    }
    const thanksVolunteers = (input.audience ?? 'carers') !== 'carers';
    if (thanksVolunteers !== (input.volunteerRules !== undefined))
      throw new ValidationFailedError([
        { field: 'volunteerRules', message: 'required when, and only when, the audience includes volunteers' },
      ]);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const campaign = await this.campaigns.save(
          this.campaigns.create({
            year: input.year,
            kind: input.kind,
            amountCents: input.amountCents,
            opensAt,
            closesAt,
            rules: {
              minHoursPerWeek: input.rules.minHoursPerWeek,
              minMonths: input.rules.minMonths,
              residency: input.rules.residency,
              minAge: input.rules.minAge ?? 0,
            },
            budgetCents: input.budgetCents ?? null,
            budgetCount: input.budgetCount ?? null,
            spentCents: 0,
            awardedCount: 0,
            cultureTicketName: input.cultureTicketName ?? null,
            cultureTicketStock: input.cultureTicketStock ?? null,
            sharedCareRule: input.sharedCareRule ?? 'each_full',
            audience: input.audience ?? 'carers',
            volunteerRules: input.volunteerRules ?? null,
            cultureTicketsIssued: 0,
            vouchersExpireOn,
            announcedAt: null,
          }),
          manager,
        );
        // All active carers hear of it when the window opens (at once when it is open already).
        await this.outbox.add(manager, {
          queue: QUEUES.appreciation,
          name: 'announce-campaign',
          jobId: `campaign-announce.${campaign.id}`,
          payload: { campaignId: campaign.id, municipalityId: campaign.municipalityId },
          runAt: opensAt,
        });
        return campaign;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new CampaignYearTakenError(input.year);
      throw error;
    }
  }

  list(): Promise<AppreciationCampaign[]> {
    return this.campaigns.find({ order: { year: 'DESC' } });
  }

  async get(id: string): Promise<AppreciationCampaign> {
    const campaign = await this.campaigns.findOne({ id });
    if (!campaign) throw new NotFoundError({ nl: 'De waardering', en: 'The campaign' });
    return campaign;
  }
}
