import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, pageOfList, Public } from '@app/platform';
import {
  AcceptedDto,
  OpenActivitiesQuery,
  OpenActivityDto,
  OpenActivityListDto,
  ResidentRequestDto,
} from './dto/resident.dto';
import { ResidentRequests } from './resident-requests';
import { ResidentSignups } from './resident-signups';

/** Courses and peer groups opened to residents, and their sign-up without an account. */
@ApiTags('activities')
@Controller()
export class ResidentSignupController {
  constructor(
    private readonly signups: ResidentSignups,
    private readonly requests: ResidentRequests,
  ) {}

  @Get('open-activities')
  @Public()
  @ApiOperation({ summary: 'Courses and peer groups of a municipality that residents without an account can join now' })
  @ApiOkResponse({ type: OpenActivityListDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['MUNICIPALITY_NOT_FOUND'] })
  async open(@Query() query: OpenActivitiesQuery): Promise<OpenActivityListDto> {
    const { municipality, ...page } = query;
    return pageOfList(
      (await this.signups.open(municipality)).map((open) => OpenActivityDto.from(open)),
      page,
    );
  }

  @Post('activities/:activityId/resident-requests')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'A resident asks to join an activity opened to residents; the place is taken once they confirm the mailed link (same answer whether or not a mail went out)',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['TOO_MANY_COMPANIONS'] })
  async request(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() body: ResidentRequestDto,
    @Ip() ip: string,
  ): Promise<AcceptedDto> {
    await this.requests.request(
      activityId,
      { name: body.name, email: body.email, companions: body.companions ?? 0, language: body.language ?? 'nl' },
      ip,
    );
    return { status: 'accepted' };
  }
}
