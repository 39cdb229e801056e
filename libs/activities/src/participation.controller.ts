import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, Public, Roles, STAFF_ROLES, pageOfList, PageQuery } from '@app/platform';
import { AttendanceService } from './attendance.service';
import {
  SessionAttendanceDto,
  EnrolDto,
  MyActivityListDto,
  ParticipantListDto,
  ParticipationDto,
  RecordAttendanceDto,
  RsvpDto,
} from './dto/participation.dto';
import { ParticipationService } from './participation.service';

/** Answers to invitations, enrolments, withdrawals, participant lists and attendance. */
@ApiTags('activities')
@Controller()
export class ParticipationController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly attendance: AttendanceService,
  ) {}

  @Post('rsvp')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answer an invitation with the token of its link; the answer can change until the cut-off. A full activity puts the person on the waiting list',
  })
  @ApiOkResponse({ type: ParticipationDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED', 'TOKEN_INVALID'],
    409: ['RESPONSES_CLOSED', 'NOT_ENOUGH_PLACES', 'ACTIVITY_CANCELLED'],
    422: ['TOO_MANY_COMPANIONS'],
  })
  async rsvp(@Body() body: RsvpDto): Promise<ParticipationDto> {
    return ParticipationDto.from(await this.participation.respond(body.token, body.response, body.companions ?? 0));
  }

  @Post('activities/:activityId/enrolments')
  @Audited('activity_participant', { answer: 'id' })
  @Roles('carer', 'volunteer', ...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Enrol: a carer themselves in a course or peer group (events by invitation), or staff a carer in any activity',
  })
  @ApiCreatedResponse({ type: ParticipationDto })
  @ApiProblems({
    403: ['FORBIDDEN', 'INVITATION_REQUIRED', 'NOT_A_CARER', 'NOT_OPEN_TO_YOU'],
    404: ['NOT_FOUND'],
    409: ['RESPONSES_CLOSED', 'NOT_ENOUGH_PLACES', 'ACTIVITY_CANCELLED'],
    422: ['TOO_MANY_COMPANIONS'],
  })
  async enrol(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() body: EnrolDto,
  ): Promise<ParticipationDto> {
    return ParticipationDto.from(await this.participation.enrol(activityId, body));
  }

  @Post('activities/:activityId/participants/:participantId/cancel')
  @Audited('activity_participant', { param: 'participantId' })
  @HttpCode(200)
  @Roles('carer', ...STAFF_ROLES)
  @ApiOperation({
    summary: 'Withdraw (a carer their own place, staff anyone’s) until the cut-off; the places go to the waiting list',
  })
  @ApiOkResponse({ type: ParticipationDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['RESPONSES_CLOSED', 'ACTIVITY_CANCELLED'] })
  async withdraw(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('participantId', new ParseUUIDPipe()) participantId: string,
  ): Promise<ParticipationDto> {
    return ParticipationDto.from(await this.participation.withdraw(activityId, participantId));
  }

  @Get('activities/:activityId/participants')
  @Audited('activity_participant', { answer: 'items' })
  @Roles('volunteer', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Who takes part, by name only (staff, or the volunteer who leads it)' })
  @ApiOkResponse({ type: ParticipantListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async participants(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Query() page: PageQuery,
  ): Promise<ParticipantListDto> {
    return pageOfList(await this.attendance.participants(activityId), page);
  }

  @Put('activities/:activityId/sessions/:sessionId/attendance')
  @Audited('activity_participant', { bodyList: 'entries', field: 'participantId' })
  @Roles('volunteer', ...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Record who came to a session that has started (staff, or the volunteer who leads it); recording again corrects it',
  })
  @ApiOkResponse({ type: SessionAttendanceDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['SESSION_NOT_STARTED', 'SESSION_CANCELLED'], 422: ['UNKNOWN_PARTICIPANT'] })
  async recordAttendance(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<SessionAttendanceDto> {
    return { sessionId, ...(await this.attendance.record(activityId, sessionId, body.entries)) };
  }

  @Get('me/activities')
  @Roles('carer')
  @ApiOperation({ summary: 'My answers and enrolments, with the next session' })
  @ApiOkResponse({ type: MyActivityListDto })
  async mine(@Query() page: PageQuery): Promise<MyActivityListDto> {
    const mine = (await this.participation.mine()).map(({ participant, activity, nextSessionAt }) => ({
      ...ParticipationDto.from(participant),
      title: activity.title,
      kind: activity.kind,
      nextSessionAt: nextSessionAt?.toISOString() ?? null,
    }));
    return pageOfList(mine, page);
  }
}
