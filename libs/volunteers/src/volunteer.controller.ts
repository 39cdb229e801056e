import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService } from '@app/identity';
import {
  ApiPageResponse,
  ApiProblems,
  Audited,
  NoPersonalData,
  Page,
  Public,
  Roles,
  STAFF_ROLES,
  pageOfList,
  PageQuery,
} from '@app/platform';
import {
  AddTrainingDto,
  RecordVogDto,
  TrainingDto,
  TrainingListDto,
  VolunteerCreatedDto,
  VolunteerDto,
  VolunteerRegistrationDto,
  VolunteerSearchQuery,
  VolunteerSignUpDto,
  AbsenceListDto,
  AbsenceDto,
  VolunteerOverviewDto,
} from './dto/volunteer.dto';
import { VolunteerOverviewService } from './volunteer-overview.service';
import { VolunteerRegistrationService } from './volunteer-registration.service';
import { VolunteerService } from './volunteer.service';

/** Volunteers: public sign-up, and what staff do with volunteers of their municipality. */
@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteerController {
  constructor(
    private readonly registration: VolunteerRegistrationService,
    private readonly volunteers: VolunteerService,
    private readonly accounts: AccountService,
    private readonly overviews: VolunteerOverviewService,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Sign up as a volunteer; a verification mail follows' })
  @ApiCreatedResponse({ type: VolunteerCreatedDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'],
    404: ['MUNICIPALITY_NOT_FOUND'],
    409: ['EMAIL_TAKEN'],
    422: ['VOLUNTEER_TOO_YOUNG', 'UNKNOWN_SKILL'],
  })
  async signUp(@Body() body: VolunteerSignUpDto): Promise<VolunteerCreatedDto> {
    const volunteer = await this.registration.signUp(body);
    return { id: volunteer.id, status: 'pending_verification' };
  }

  @Post('registrations')
  @Audited('volunteer', { answer: 'id' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Register a volunteer of this municipality (with email: invited to choose a password)' })
  @ApiCreatedResponse({ type: VolunteerCreatedDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'],
    409: ['EMAIL_TAKEN'],
    422: ['VOLUNTEER_TOO_YOUNG', 'UNKNOWN_SKILL'],
  })
  async register(@Body() body: VolunteerRegistrationDto): Promise<VolunteerCreatedDto> {
    const volunteer = await this.registration.registerByStaff(body);
    return { id: volunteer.id, status: body.email ? 'invited' : 'registered' };
  }

  @Get()
  @Audited('volunteer', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Volunteers of this municipality by status, skill, wijk and VOG validity, newest first' })
  @ApiPageResponse(VolunteerDto)
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'INVALID_CURSOR'] })
  async search(@Query() query: VolunteerSearchQuery): Promise<Page<VolunteerDto>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.volunteers.search(filter, { limit, cursor });
    const accounts = new Map(
      (await this.accounts.findByIds(page.items.map((volunteer) => volunteer.accountId))).map((account) => [
        account.id,
        account,
      ]),
    );
    return {
      items: page.items.map((volunteer) => VolunteerDto.from(volunteer, accounts.get(volunteer.accountId))),
      nextCursor: page.nextCursor,
    };
  }

  @Get('overview')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Open requests by waiting time, volunteers by status, and the share with a valid VOG and dementia training',
  })
  @ApiOkResponse({ type: VolunteerOverviewDto })
  @ApiProblems()
  overview(): Promise<VolunteerOverviewDto> {
    return this.overviews.overview();
  }

  @Get(':volunteerId')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One volunteer of this municipality' })
  @ApiOkResponse({ type: VolunteerDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('volunteerId', new ParseUUIDPipe()) volunteerId: string): Promise<VolunteerDto> {
    const volunteer = await this.volunteers.get(volunteerId);
    return VolunteerDto.from(volunteer, await this.accounts.findById(volunteer.accountId));
  }

  @Put(':volunteerId/vog')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Record the issue date of the VOG after seeing the certificate' })
  @ApiOkResponse({ type: VolunteerDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 404: ['NOT_FOUND'] })
  async recordVog(
    @Param('volunteerId', new ParseUUIDPipe()) volunteerId: string,
    @Body() body: RecordVogDto,
  ): Promise<VolunteerDto> {
    const volunteer = await this.volunteers.recordVog(volunteerId, body.issuedOn, body.costReimbursed ?? false);
    return VolunteerDto.from(volunteer, await this.accounts.findById(volunteer.accountId));
  }

  @Post(':volunteerId/trainings')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Record a training the volunteer completed' })
  @ApiCreatedResponse({ type: TrainingDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 404: ['NOT_FOUND'] })
  async addTraining(
    @Param('volunteerId', new ParseUUIDPipe()) volunteerId: string,
    @Body() body: AddTrainingDto,
  ): Promise<TrainingDto> {
    return TrainingDto.from(await this.volunteers.addTraining(volunteerId, body));
  }

  @Get(':volunteerId/trainings')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Trainings of a volunteer, latest first' })
  @ApiOkResponse({ type: TrainingListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async trainings(
    @Param('volunteerId', new ParseUUIDPipe()) volunteerId: string,
    @Query() page: PageQuery,
  ): Promise<TrainingListDto> {
    await this.volunteers.get(volunteerId);
    return pageOfList((await this.volunteers.trainingsOf(volunteerId)).map(TrainingDto.from), page);
  }

  @Get(':volunteerId/absences')
  @Audited('volunteer', { param: 'volunteerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'When a volunteer is away' })
  @ApiOkResponse({ type: AbsenceListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async absences(
    @Param('volunteerId', new ParseUUIDPipe()) volunteerId: string,
    @Query() page: PageQuery,
  ): Promise<AbsenceListDto> {
    await this.volunteers.get(volunteerId);
    return pageOfList((await this.volunteers.absencesOf(volunteerId)).map(AbsenceDto.from), page);
  }
}
