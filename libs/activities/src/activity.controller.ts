import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FanoutStartedDto } from '@app/messaging';
import {
  ApiPageResponse,
  ApiProblems,
  NoPersonalData,
  PERSON_ROLES,
  Page,
  PageQuery,
  Roles,
  STAFF_ROLES,
  mapPage,
} from '@app/platform';
import { ActivityFiguresService } from './activity-figures';
import { ActivityService, ActivityWithSessions } from './activity.service';
import {
  ActivityDto,
  CancelSessionDto,
  CreateActivityDto,
  CreateInvitationsDto,
  MoveSessionDto,
  UpdateActivityDto,
} from './dto/activity.dto';
import { ActivityFiguresDto } from './dto/participation.dto';
import { InvitationService } from './invitation.service';

const toDto = ({ activity, sessions }: ActivityWithSessions) => ActivityDto.from(activity, sessions);

/** Activities and their sessions; invitations and figures. */
@ApiTags('activities')
@Controller('activities')
export class ActivityController {
  constructor(
    private readonly activities: ActivityService,
    private readonly invitations: InvitationService,
    private readonly figuresService: ActivityFiguresService,
  ) {}

  @Post()
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Create an event, course or peer group with its sessions (one-off, recurring, or on a local date; the Dag van de Mantelzorg defaults to 10 November)',
  })
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiProblems({ 422: ['INVALID_SCHEDULE', 'INVALID_ACTIVITY', 'INVALID_FACILITATOR'] })
  async create(@Body() body: CreateActivityDto): Promise<ActivityDto> {
    return toDto(await this.activities.create(body));
  }

  @Get()
  @NoPersonalData()
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Activities of this municipality: staff see all, others those still ahead' })
  @ApiPageResponse(ActivityDto)
  async list(@Query() page: PageQuery): Promise<Page<ActivityDto>> {
    return mapPage(await this.activities.list(page), toDto);
  }

  @Get(':activityId')
  @NoPersonalData()
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'One activity with its sessions and places left' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('activityId', new ParseUUIDPipe()) activityId: string): Promise<ActivityDto> {
    return toDto(await this.activities.get(activityId));
  }

  @Patch(':activityId')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Change an activity; capacity never below the places taken' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CAPACITY_BELOW_TAKEN'], 422: ['INVALID_FACILITATOR'] })
  async update(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() body: UpdateActivityDto,
  ): Promise<ActivityDto> {
    return toDto(await this.activities.update(activityId, body));
  }

  @Post(':activityId/sessions/:sessionId/cancel')
  @NoPersonalData()
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Call one session off; participants are told, with a calendar cancellation' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async cancelSession(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: CancelSessionDto,
  ): Promise<ActivityDto> {
    return toDto(await this.activities.cancelSession(activityId, sessionId, body.reason ?? null));
  }

  @Patch(':activityId/sessions/:sessionId')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Move one session; participants get the new time and reminders follow it' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['SESSION_CANCELLED'], 422: ['INVALID_SCHEDULE'] })
  async moveSession(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: MoveSessionDto,
  ): Promise<ActivityDto> {
    return toDto(
      await this.activities.moveSession(activityId, sessionId, {
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
      }),
    );
  }

  @Post(':activityId/invitations')
  @NoPersonalData()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Invite all active carers, or those matching filters; people invited before are not invited again. Progress at /fanouts/{fanoutId}',
  })
  @ApiAcceptedResponse({ type: FanoutStartedDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['ACTIVITY_CANCELLED'], 422: ['INVALID_AUDIENCE', 'UNKNOWN_WIJK'] })
  invite(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() body: CreateInvitationsDto,
  ): Promise<FanoutStartedDto> {
    return this.invitations.invite(activityId, body.audience);
  }

  @Get(':activityId/figures')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Invited, responded, attending (companions counted), attended, by wijk' })
  @ApiOkResponse({ type: ActivityFiguresDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  figures(@Param('activityId', new ParseUUIDPipe()) activityId: string): Promise<ActivityFiguresDto> {
    return this.figuresService.figures(activityId);
  }
}
