import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, Roles, STAFF_ROLES, pageOfList, PageQuery } from '@app/platform';
import { EndMatchDto, HoursDto, LogHoursDto, MatchDto, MatchListDto, ProposeMatchDto } from './dto/match.dto';
import { HelpRequestService } from './help-request.service';
import { MatchService } from './match.service';

/** Matches: staff propose and end them; volunteers answer and log hours. */
@ApiTags('volunteers')
@Controller()
export class MatchController {
  constructor(
    private readonly matches: MatchService,
    private readonly requests: HelpRequestService,
  ) {}

  @Post('help-requests/:requestId/matches')
  @Audited('help_request', { param: 'requestId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Propose a volunteer for a request; they get an email with accept and decline links' })
  @ApiCreatedResponse({ type: MatchDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['VOLUNTEER_NOT_ELIGIBLE', 'ALREADY_PROPOSED', 'REQUEST_NOT_OPEN'] })
  async propose(
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() body: ProposeMatchDto,
  ): Promise<MatchDto> {
    return MatchDto.from(await this.matches.propose(requestId, body.volunteerId));
  }

  @Get('help-requests/:requestId/matches')
  @Audited('help_request', { param: 'requestId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Proposals and matches of a request' })
  @ApiOkResponse({ type: MatchListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async ofRequest(
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Query() page: PageQuery,
  ): Promise<MatchListDto> {
    await this.requests.get(requestId);
    return pageOfList((await this.matches.forRequest(requestId)).map(MatchDto.from), page);
  }

  @Post('matches/:matchId/end')
  @Audited('volunteer_match', { param: 'matchId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'End an accepted match, with a reason' })
  @ApiOkResponse({ type: MatchDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['MATCH_NOT_ACTIVE'] })
  async end(@Param('matchId', new ParseUUIDPipe()) matchId: string, @Body() body: EndMatchDto): Promise<MatchDto> {
    return MatchDto.from(await this.matches.end(matchId, body.reason));
  }

  @Get('me/volunteer/matches')
  @Roles('volunteer')
  @ApiOperation({ summary: 'My proposals and matches' })
  @ApiOkResponse({ type: MatchListDto })
  @ApiProblems()
  async mine(@Query() page: PageQuery): Promise<MatchListDto> {
    return pageOfList((await this.matches.mine()).map(MatchDto.from), page);
  }

  @Post('me/volunteer/matches/:matchId/accept')
  @HttpCode(200)
  @Roles('volunteer')
  @ApiOperation({ summary: 'Accept a proposal (respite at home: the carer’s bookings are made)' })
  @ApiOkResponse({ type: MatchDto })
  @ApiProblems({
    404: ['NOT_FOUND'],
    409: ['MATCH_NOT_PROPOSED', 'REQUEST_NOT_OPEN', 'OVERLAPPING_BOOKING'],
    422: ['RESPITE_BUDGET_EXCEEDED'],
  })
  async accept(@Param('matchId', new ParseUUIDPipe()) matchId: string): Promise<MatchDto> {
    return MatchDto.from(await this.matches.answerAsVolunteer(matchId, true));
  }

  @Post('me/volunteer/matches/:matchId/decline')
  @HttpCode(200)
  @Roles('volunteer')
  @ApiOperation({ summary: 'Decline a proposal' })
  @ApiOkResponse({ type: MatchDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['MATCH_NOT_PROPOSED'] })
  async decline(@Param('matchId', new ParseUUIDPipe()) matchId: string): Promise<MatchDto> {
    return MatchDto.from(await this.matches.answerAsVolunteer(matchId, false));
  }

  @Post('me/volunteer/matches/:matchId/hours')
  @Roles('volunteer')
  @ApiOperation({ summary: 'Log hours spent on an accepted match' })
  @ApiCreatedResponse({ type: HoursDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 404: ['NOT_FOUND'], 409: ['MATCH_NOT_ACTIVE'] })
  async logHours(@Param('matchId', new ParseUUIDPipe()) matchId: string, @Body() body: LogHoursDto): Promise<HoursDto> {
    return HoursDto.from(await this.matches.logHours(matchId, body.workedOn, body.hours));
  }
}
