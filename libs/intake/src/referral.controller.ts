import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, pageOfList, PageQuery, Public, Roles, STAFF_ROLES } from '@app/platform';
import {
  FormReferralDto,
  PartnerReferralDto,
  ReferralAcceptedDto,
  ReferralDto,
  ReferralListDto,
} from './dto/referral.dto';
import { ReferralService } from './referral.service';

/** Partners in care refer carers; staff see the referrals the carers agreed to. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralController {
  constructor(private readonly referrals: ReferralService) {}

  @Post()
  @Roles('partner')
  @ApiOperation({
    summary: "Refer a carer who agreed to it, with a referrer partner's key; it reaches the caseload at once",
  })
  @ApiCreatedResponse({ type: ReferralDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 403: ['NOT_A_REFERRER'], 422: ['REFERRAL_CONSENT_REQUIRED'] })
  async refer(@Body() body: PartnerReferralDto): Promise<ReferralDto> {
    return ReferralDto.from(await this.referrals.referAsPartner(body));
  }

  @Post('form')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'The public referral form: the carer is mailed a link and the referral reaches the caseload only when they agree',
  })
  @ApiAcceptedResponse({ type: ReferralAcceptedDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['MUNICIPALITY_NOT_FOUND'] })
  async referByForm(@Body() body: FormReferralDto, @Ip() ip: string): Promise<ReferralAcceptedDto> {
    await this.referrals.referByForm(body, ip);
    return { status: 'awaiting_consent' };
  }

  @Get()
  @Audited('referral', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Referrals the carers agreed to, newest first' })
  @ApiOkResponse({ type: ReferralListDto })
  @ApiProblems()
  async list(@Query() page: PageQuery): Promise<ReferralListDto> {
    const referrals = await this.referrals.list();
    return pageOfList(
      referrals.map((referral) => ReferralDto.from({ referral, reason: null, signalId: null })),
      page,
    );
  }

  @Get(':referralId')
  @Audited('referral', { param: 'referralId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One referral with its reason' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('referralId', new ParseUUIDPipe()) referralId: string): Promise<ReferralDto> {
    return ReferralDto.from(await this.referrals.get(referralId));
  }
}
