import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, NoPersonalData, Roles, STAFF_ROLES, pageOfList, PageQuery } from '@app/platform';
import { ApplicationService } from './application.service';
import { CampaignService } from './campaign.service';
import {
  ApplicationDto,
  ApplicationListDto,
  ApplyDto,
  NominateDto,
  ReviewDto,
  VolunteerApplyDto,
} from './dto/application.dto';
import { VolunteerApplicationService } from './volunteer-application.service';
import { CampaignDto, CampaignFiguresDto, CampaignListDto, CreateCampaignDto } from './dto/campaign.dto';
import { CampaignFiguresService } from './campaign-figures';
import {
  PartnerDayDto,
  PartnerDayQuery,
  RedeemDto,
  RedemptionDto,
  VoucherListDto,
  VoucherDto,
} from './dto/voucher.dto';
import { VoucherService } from './voucher.service';

/** The yearly appreciation: campaigns, applications and their review, vouchers and their redemption. */
@ApiTags('appreciation')
@Controller()
export class AppreciationController {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly applications: ApplicationService,
    private readonly vouchers: VoucherService,
    private readonly figures: CampaignFiguresService,
    private readonly volunteerApplications: VolunteerApplicationService,
  ) {}

  @Post('appreciation/campaigns')
  @NoPersonalData()
  @Roles('admin')
  @ApiOperation({ summary: "Set up the year's campaign: amount, window, eligibility rules, budget" })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    409: ['CAMPAIGN_YEAR_TAKEN'],
    422: ['CAMPAIGN_WINDOW_INVALID', 'CAMPAIGN_CULTURE_TICKET_MISMATCH'],
  })
  async createCampaign(@Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return CampaignDto.from(await this.campaigns.create(body));
  }

  @Get('appreciation/campaigns')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'carer')
  @ApiOperation({ summary: 'Campaigns of this municipality, newest year first' })
  @ApiOkResponse({ type: CampaignListDto })
  @ApiProblems()
  async listCampaigns(@Query() page: PageQuery): Promise<CampaignListDto> {
    return pageOfList((await this.campaigns.list()).map(CampaignDto.from), page);
  }

  @Get('appreciation/campaigns/:id')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'carer')
  @ApiOperation({ summary: 'One campaign, with the budget spent so far' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async getCampaign(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignDto> {
    return CampaignDto.from(await this.campaigns.get(id));
  }

  @Get('appreciation/campaigns/:id/figures')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Applications by status, vouchers issued and redeemed, budget left, per wijk' })
  @ApiOkResponse({ type: CampaignFiguresDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async campaignFigures(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignFiguresDto> {
    return this.figures.figures(id);
  }

  @Post('appreciation/campaigns/:id/applications')
  @Roles('carer')
  @ApiOperation({ summary: 'Apply for one of my care relationships; the answer explains each rule' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    403: ['FORBIDDEN', 'EMAIL_NOT_VERIFIED'],
    404: ['NOT_FOUND'],
    409: ['CAMPAIGN_CLOSED', 'ALREADY_APPLIED', 'CAMPAIGN_BUDGET_EXHAUSTED', 'CULTURE_TICKETS_SOLD_OUT'],
    422: ['CHOICE_NOT_OFFERED'],
  })
  async apply(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApplyDto): Promise<ApplicationDto> {
    const result = await this.applications.apply(id, body.careRelationshipId, body.choice);
    return ApplicationDto.from(result.application, result);
  }

  @Post('appreciation/campaigns/:id/nominations')
  @Audited('appreciation_application', { answer: 'id' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Nominate a carer on their behalf; checked as an application' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    404: ['NOT_FOUND'],
    409: ['CAMPAIGN_CLOSED', 'ALREADY_APPLIED', 'CAMPAIGN_BUDGET_EXHAUSTED', 'CULTURE_TICKETS_SOLD_OUT'],
    422: ['CHOICE_NOT_OFFERED'],
  })
  async nominate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NominateDto): Promise<ApplicationDto> {
    const result = await this.applications.nominate(id, body.carerId, body.careRelationshipId, body.choice);
    return ApplicationDto.from(result.application, result);
  }

  @Get('appreciation/applications/review')
  @Audited('appreciation_application', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Applications that need a staff decision, oldest first' })
  @ApiOkResponse({ type: ApplicationListDto })
  @ApiProblems()
  async reviewQueue(@Query() page: PageQuery): Promise<ApplicationListDto> {
    return pageOfList(
      (await this.applications.awaitingReview()).map((application) => ApplicationDto.from(application)),
      page,
    );
  }

  @Post('appreciation/applications/:id/review')
  @Audited('appreciation_application', { param: 'id' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Approve (issuing the voucher within the budget) or reject an application, with a reason' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    404: ['NOT_FOUND'],
    409: ['APPLICATION_NOT_IN_REVIEW', 'CAMPAIGN_BUDGET_EXHAUSTED', 'CULTURE_TICKETS_SOLD_OUT'],
  })
  async review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewDto): Promise<ApplicationDto> {
    const result = await this.applications.review(id, body.decision, body.note);
    return ApplicationDto.from(result.application, result);
  }

  @Post('appreciation/campaigns/:id/volunteer-applications')
  @Roles('volunteer')
  @ApiOperation({
    summary: 'A volunteer applies, where the campaign thanks volunteers; the rules are explained and an approval pays',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    403: ['CAMPAIGN_NOT_FOR_YOU', 'EMAIL_NOT_VERIFIED', 'NOT_A_VOLUNTEER'],
    404: ['NOT_FOUND'],
    409: ['ALREADY_APPLIED', 'CAMPAIGN_CLOSED', 'CAMPAIGN_BUDGET_EXHAUSTED', 'CULTURE_TICKETS_SOLD_OUT'],
    422: ['CHOICE_NOT_OFFERED'],
  })
  async volunteerApply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VolunteerApplyDto,
  ): Promise<ApplicationDto> {
    const result = await this.volunteerApplications.apply(id, body.choice);
    return ApplicationDto.from(result.application, result);
  }

  @Get('me/vouchers')
  @Roles('carer', 'volunteer')
  @ApiOperation({ summary: 'My vouchers with code, balance and expiry' })
  @ApiOkResponse({ type: VoucherListDto })
  @ApiProblems()
  async myVouchers(@Query() page: PageQuery): Promise<VoucherListDto> {
    return pageOfList((await this.vouchers.mine()).map(VoucherDto.from), page);
  }

  @Get('vouchers/redemptions')
  @Roles('partner')
  @ApiOperation({ summary: "The partner's own redemptions of one day, with the day's total" })
  @ApiOkResponse({ type: PartnerDayDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'INVALID_CURSOR'] })
  async redemptionsOfDay(@Query() query: PartnerDayQuery): Promise<PartnerDayDto> {
    const { day, ...page } = query;
    return PartnerDayDto.from(await this.vouchers.partnerDay(day), page);
  }

  @Post('vouchers/redemptions')
  @Roles('partner')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried redemption with the same key is applied once',
  })
  @ApiOperation({ summary: 'Spend part or all of a voucher; never more than its balance' })
  @ApiCreatedResponse({ type: RedemptionDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    403: ['VOUCHER_NOT_ACCEPTED_WITH_KEY'],
    404: ['VOUCHER_NOT_FOUND'],
    409: ['VOUCHER_BALANCE_INSUFFICIENT'],
    410: ['VOUCHER_EXPIRED'],
    429: ['TOO_MANY_ATTEMPTS'],
  })
  async redeem(@Body() body: RedeemDto, @Ip() ip: string): Promise<RedemptionDto> {
    return this.vouchers.redeem(body.code, body.amountCents, ip);
  }
}
