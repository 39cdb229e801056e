import { Injectable } from '@nestjs/common';
import { Account, assertEmailVerified, MunicipalityService, today } from '@app/identity';
import { DomainError, noteAuditSubject, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import { ApplicationResult } from './application.service';
import { AlreadyAppliedError, CampaignNotForYouError, ChoiceNotOfferedError } from './appreciation-errors';
import { AwardKind } from './campaign.entity';
import { CampaignService } from './campaign.service';
import { assertCampaignOpen } from './campaign-window';
import { SharedAward } from './shared-award';
import { assessVolunteer } from './volunteer-eligibility';
import { Voucher } from './voucher.entity';

interface VolunteerRow {
  id: string;
  account_id: string;
  wijk_id: string | null;
  status: string;
  started_on: string;
  hours: number;
}

/**
 * Volunteers thanked too, where the campaign's audience includes them: they apply the same way,
 * with their own rules (months active, hours logged in the last year), and receive a voucher
 * or culture ticket like carers. One live application per volunteer and campaign.
 */
@Injectable()
export class VolunteerApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly municipalities: MunicipalityService,
    private readonly award: SharedAward,
    private readonly context: RequestContext,
  ) {}

  async apply(campaignId: string, choice: AwardKind = 'voucher'): Promise<ApplicationResult> {
    const actor = this.context.actor();
    const [campaign, municipality, account] = await Promise.all([
      this.campaigns.get(campaignId),
      this.municipalities.current(),
      this.dataSource.getRepository(Account).findOneBy({ id: actor.id }),
    ]);
    assertEmailVerified(account, 'applying');
    assertCampaignOpen(campaign);
    if (campaign.audience === 'carers' || !campaign.volunteerRules) throw new CampaignNotForYouError();
    if (choice === 'culture_ticket' && campaign.kind !== 'voucher_or_culture_ticket') throw new ChoiceNotOfferedError();
    const day = today(municipality.timezone);
    const [volunteer] = await this.dataSource.query<VolunteerRow[]>(
      `SELECT v.id, v.account_id, v.wijk_id, v.status, (v.created_at AT TIME ZONE $3)::date::text AS started_on,
              coalesce((SELECT sum(h.hours) FROM volunteer_hours h
                         WHERE h.volunteer_id = v.id AND h.worked_on > $2::date - interval '1 year'), 0)::float8 AS hours
         FROM volunteer v WHERE v.account_id = $1`,
      [actor.id, day, municipality.timezone],
    );
    if (!volunteer)
      throw new DomainError('NOT_A_VOLUNTEER', 403, {
        nl: 'Alleen vrijwilligers vragen deze waardering aan.',
        en: 'Only volunteers apply for this appreciation.',
      });
    const verdict = assessVolunteer(campaign.volunteerRules, {
      today: day,
      active: volunteer.status === 'active',
      startedOn: volunteer.started_on,
      hoursLogged: volunteer.hours,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(AppreciationApplication);
        const application = await repository.save(
          repository.create({
            municipalityId: actor.municipalityId,
            campaignId: campaign.id,
            carerId: null,
            careRelationshipId: null,
            volunteerId: volunteer.id,
            careRecipientKey: `volunteer:${volunteer.id}`,
            wijkId: volunteer.wijk_id,
            status: verdict.status,
            choice,
            reasons: verdict.reasons,
            nominatedBy: null,
            reviewedBy: null,
            reviewNote: null,
            decidedAt: new Date(),
          }),
        );
        noteAuditSubject(application.id);
        const voucher: Voucher | null =
          verdict.status === 'approved' ? await this.award.pay(manager, campaign, application, actor.id) : null;
        return { application, voucher };
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'uq_appreciation_application_volunteer'
      )
        throw new AlreadyAppliedError();
      throw error;
    }
  }

  /** The volunteer's applications, newest first. */
  async mine(): Promise<AppreciationApplication[]> {
    return this.dataSource
      .getRepository(AppreciationApplication)
      .createQueryBuilder('application')
      .innerJoin('volunteer', 'volunteer', 'volunteer.id = application.volunteerId')
      .where('volunteer.account_id = :accountId', { accountId: this.context.actor().id })
      .orderBy('application.createdAt', 'DESC')
      .take(50)
      .getMany();
  }
}
