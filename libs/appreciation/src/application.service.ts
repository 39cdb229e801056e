import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CareRelationshipService, Carer, CarerService } from '@app/carers';
import { assertEmailVerified, MunicipalityService, today } from '@app/identity';
import {
  noteAuditSubject,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  RequestContext,
} from '@app/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import {
  AlreadyAppliedError,
  ApplicationNotInReviewError,
  CampaignNotForYouError,
  ChoiceNotOfferedError,
  FirstCarerOnlyError,
} from './appreciation-errors';
import { assertCampaignOpen } from './campaign-window';
import { AppreciationCampaign, AwardKind } from './campaign.entity';
import { CampaignService } from './campaign.service';
import { assessEligibility } from './eligibility';
import { Voucher } from './voucher.entity';
import { SharedAward } from './shared-award';

export interface ApplicationResult {
  application: AppreciationApplication;
  voucher: Voucher | null;
}

/**
 * Applications and nominations: eligibility checked and explained, approved ones paid at
 * once, doubtful ones to staff review. All in one transaction per application; the unique
 * live application per carer and campaign keeps it to one award a year, also when racing.
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(AppreciationApplication)
    private readonly applications: MunicipalityScopedRepository<AppreciationApplication>,
    private readonly campaigns: CampaignService,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly municipalities: MunicipalityService,
    private readonly award: SharedAward,
    private readonly context: RequestContext,
  ) {}

  /** The signed-in carer applies for one of their care relationships. */
  async apply(
    campaignId: string,
    careRelationshipId: string,
    choice: AwardKind = 'voucher',
  ): Promise<ApplicationResult> {
    const carer = await this.carers.mine();
    const { account } = await this.carers.withAccount(carer);
    assertEmailVerified(account, 'applying');
    return this.submit(campaignId, carer, careRelationshipId, choice, null);
  }

  /** Staff nominate a carer on their behalf (e.g. asked by the person cared for). */
  async nominate(
    campaignId: string,
    carerId: string,
    careRelationshipId: string,
    choice: AwardKind = 'voucher',
  ): Promise<ApplicationResult> {
    const { carer } = await this.carers.get(carerId);
    return this.submit(campaignId, carer, careRelationshipId, choice, this.context.actor().id);
  }

  /** The acting carer's applications, newest first. */
  async mine(): Promise<AppreciationApplication[]> {
    const carer = await this.carers.mine();
    return this.applications.find({ where: { carerId: carer.id }, order: { createdAt: 'DESC' }, take: 50 });
  }

  async get(id: string): Promise<AppreciationApplication> {
    const application = await this.applications.findOne({ id });
    if (!application) throw new NotFoundError({ nl: 'De aanvraag', en: 'The application' });
    return application;
  }

  /** Applications awaiting staff, oldest first. */
  awaitingReview(limit = 100): Promise<AppreciationApplication[]> {
    return this.applications.find({ where: { status: 'needs_review' }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Staff decide an application that needs review; approval pays it within the budget. */
  async review(id: string, decision: 'approve' | 'reject', note: string): Promise<ApplicationResult> {
    const reviewer = this.context.actor().id;
    const application = await this.get(id);
    const accountId = application.carerId
      ? (await this.carers.get(application.carerId)).carer.accountId
      : await this.volunteerAccount(application.volunteerId!);
    const campaign = await this.campaigns.get(application.campaignId);
    return this.dataSource.transaction(async (manager) => {
      // The same lock as applying: approvals for one person are paid one after the other.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `appreciation.${campaign.id}.${application.careRecipientKey}`,
      ]);
      const locked = await manager
        .getRepository(AppreciationApplication)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'needs_review') throw new ApplicationNotInReviewError();
      if (
        decision === 'approve' &&
        campaign.sharedCareRule === 'first_only' &&
        locked.carerId &&
        (await this.recipientApproved(manager, campaign.id, locked.careRecipientKey, locked.carerId))
      )
        throw new FirstCarerOnlyError();
      locked.status = decision === 'approve' ? 'approved' : 'rejected';
      Object.assign(locked, { reviewedBy: reviewer, reviewNote: note, decidedAt: new Date() });
      const saved = await manager.getRepository(AppreciationApplication).save(locked);
      const voucher = decision === 'approve' ? await this.award.pay(manager, campaign, saved, accountId) : null;
      return { application: saved, voucher };
    });
  }

  private async submit(
    campaignId: string,
    carer: Carer,
    careRelationshipId: string,
    choice: AwardKind,
    nominatedBy: string | null,
  ): Promise<ApplicationResult> {
    const [campaign, relationship, municipality, wijken] = await Promise.all([
      this.campaigns.get(campaignId),
      this.relationships.activeOf(carer.id, careRelationshipId),
      this.municipalities.current(),
      this.municipalities.listWijken(),
    ]);
    this.assertOpen(campaign);
    if (choice === 'culture_ticket' && campaign.kind !== 'voucher_or_culture_ticket') throw new ChoiceNotOfferedError();
    // The person cared for: their address's keyed hash when the carer gave it (so carers at other
    // addresses match), else their name at the carer's postcode.
    const careRecipientKey = relationship.recipientAddressHash
      ? `address:${relationship.recipientAddressHash}`
      : `${relationship.careRecipientName.trim().toLowerCase()}|${carer.postcode}`;
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Two carers of one cared-for person applying at once are taken one after the other.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `appreciation.${campaign.id}.${careRecipientKey}`,
        ]);
        const verdict = assessEligibility(campaign.rules, {
          today: today(municipality.timezone),
          carerDateOfBirth: carer.dateOfBirth,
          carerLivesInMunicipality: wijken.length === 0 ? null : carer.wijkId !== null,
          careRecipientLivesInMunicipality: relationship.livesInMunicipality,
          hoursPerWeek: relationship.hoursPerWeek,
          careSince: relationship.since,
          careRecipientAlreadyRewarded: await this.recipientRewarded(manager, campaign.id, careRecipientKey, carer.id),
          sharedCareRule: campaign.sharedCareRule,
        });
        const repository = manager.getRepository(AppreciationApplication);
        const application = await repository.save(
          repository.create({
            municipalityId: carer.municipalityId,
            campaignId: campaign.id,
            carerId: carer.id,
            careRelationshipId: relationship.id,
            careRecipientKey,
            wijkId: carer.wijkId,
            status: verdict.status,
            choice,
            reasons: verdict.reasons,
            nominatedBy,
            reviewedBy: null,
            reviewNote: null,
            decidedAt: verdict.status === 'needs_review' ? null : new Date(),
          }),
        );
        noteAuditSubject(application.id);
        const voucher =
          verdict.status === 'approved' ? await this.award.pay(manager, campaign, application, carer.accountId) : null;
        return { application, voucher };
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'uq_appreciation_application_carer'
      )
        throw new AlreadyAppliedError();
      throw error;
    }
  }

  private assertOpen(campaign: AppreciationCampaign): void {
    assertCampaignOpen(campaign);
    if (campaign.audience === 'volunteers') throw new CampaignNotForYouError();
  }

  private async volunteerAccount(volunteerId: string): Promise<string> {
    const [row] = await this.dataSource.query<Array<{ account_id: string }>>(
      'SELECT account_id FROM volunteer WHERE id = $1',
      [volunteerId],
    );
    if (!row) throw new NotFoundError({ nl: 'De vrijwilliger', en: 'The volunteer' });
    return row.account_id;
  }

  private async recipientApproved(
    manager: EntityManager,
    campaignId: string,
    careRecipientKey: string,
    carerId: string,
  ): Promise<boolean> {
    return manager
      .getRepository(AppreciationApplication)
      .createQueryBuilder('application')
      .where('application.campaignId = :campaignId AND application.careRecipientKey = :careRecipientKey', {
        campaignId,
        careRecipientKey,
      })
      .andWhere(`application.carerId <> :carerId AND application.status = 'approved'`, { carerId })
      .getExists();
  }

  private async recipientRewarded(
    manager: EntityManager,
    campaignId: string,
    careRecipientKey: string,
    carerId: string,
  ): Promise<boolean> {
    const count = await manager
      .getRepository(AppreciationApplication)
      .createQueryBuilder('application')
      .where('application.campaignId = :campaignId AND application.careRecipientKey = :careRecipientKey', {
        campaignId,
        careRecipientKey,
      })
      .andWhere('application.carerId <> :carerId', { carerId })
      .andWhere(`application.status IN ('approved', 'needs_review')`)
      .getCount();
    return count > 0;
  }
}
