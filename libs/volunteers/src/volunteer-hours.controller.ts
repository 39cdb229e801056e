import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, Roles, STAFF_ROLES } from '@app/platform';
import { CorrectHoursDto, HoursEntryDto, HoursSummaryDto } from './dto/hours.dto';
import { HelpRequestService } from './help-request.service';
import { VolunteerHoursService } from './volunteer-hours.service';
import { VolunteerService } from './volunteer.service';

/** Hours spent on matches: the volunteer's own, staff's view per volunteer and per help request, corrections. */
@ApiTags('volunteers')
@Controller()
export class VolunteerHoursController {
  constructor(
    private readonly hours: VolunteerHoursService,
    private readonly volunteers: VolunteerService,
    private readonly requests: HelpRequestService,
  ) {}

  @Get('me/volunteer/hours')
  @Roles('volunteer')
  @ApiOperation({ summary: 'My hours per match and per month, with the latest entries' })
  @ApiOkResponse({ type: HoursSummaryDto })
  @ApiProblems({ 403: ['NOT_A_VOLUNTEER'] })
  async mine(): Promise<HoursSummaryDto> {
    return HoursSummaryDto.from(await this.hours.mine());
  }

  @Get('volunteers/:volunteerId/hours')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A volunteer's hours per match and per month" })
  @ApiOkResponse({ type: HoursSummaryDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async ofVolunteer(@Param('volunteerId', new ParseUUIDPipe()) volunteerId: string): Promise<HoursSummaryDto> {
    await this.volunteers.get(volunteerId);
    return HoursSummaryDto.from(await this.hours.summary({ volunteerId }));
  }

  @Get('help-requests/:requestId/hours')
  @Audited('help_request', { param: 'requestId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Hours volunteers spent on a help request, per match and per month' })
  @ApiOkResponse({ type: HoursSummaryDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async ofRequest(@Param('requestId', new ParseUUIDPipe()) requestId: string): Promise<HoursSummaryDto> {
    await this.requests.get(requestId);
    return HoursSummaryDto.from(await this.hours.summary({ helpRequestId: requestId }));
  }

  @Patch('volunteer-hours/:hoursId')
  @Audited('volunteer_hours', { param: 'hoursId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Correct a logged entry (day or hours); the change is in the audit log' })
  @ApiOkResponse({ type: HoursEntryDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 404: ['NOT_FOUND'] })
  async correct(
    @Param('hoursId', new ParseUUIDPipe()) hoursId: string,
    @Body() body: CorrectHoursDto,
  ): Promise<HoursEntryDto> {
    return HoursEntryDto.from(await this.hours.correct(hoursId, body));
  }
}
