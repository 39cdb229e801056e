import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService } from '@app/identity';
import { ApiProblems, Roles, pageOfList, PageQuery } from '@app/platform';
import {
  AbsenceDto,
  AbsenceListDto,
  AddAbsenceDto,
  TrainingListDto,
  TrainingDto,
  UpdateVolunteerDto,
  VolunteerDto,
} from './dto/volunteer.dto';
import { VolunteerService } from './volunteer.service';

/** A volunteer's own profile: preferences, absences and recorded trainings. */
@ApiTags('volunteers')
@Controller('me/volunteer')
export class MeVolunteerController {
  constructor(
    private readonly volunteers: VolunteerService,
    private readonly accounts: AccountService,
  ) {}

  @Get()
  @Roles('volunteer')
  @ApiOperation({ summary: 'My volunteer profile' })
  @ApiOkResponse({ type: VolunteerDto })
  @ApiProblems({ 403: ['FORBIDDEN', 'NOT_A_VOLUNTEER'] })
  async get(): Promise<VolunteerDto> {
    const volunteer = await this.volunteers.mine();
    return VolunteerDto.from(volunteer, await this.accounts.findById(volunteer.accountId));
  }

  @Patch()
  @Roles('volunteer')
  @ApiOperation({ summary: 'Change my skills, languages, weekly availability, maximum matches or phone' })
  @ApiOkResponse({ type: VolunteerDto })
  @ApiProblems({ 403: ['FORBIDDEN', 'NOT_A_VOLUNTEER'], 422: ['UNKNOWN_SKILL'] })
  async update(@Body() body: UpdateVolunteerDto): Promise<VolunteerDto> {
    const volunteer = await this.volunteers.updateMine(body);
    return VolunteerDto.from(volunteer, await this.accounts.findById(volunteer.accountId));
  }

  @Post('absences')
  @Roles('volunteer')
  @ApiOperation({ summary: 'Tell the steunpunt I am away (e.g. on holiday) from one date to another' })
  @ApiCreatedResponse({ type: AbsenceDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN', 'NOT_A_VOLUNTEER'] })
  async addAbsence(@Body() body: AddAbsenceDto): Promise<AbsenceDto> {
    return AbsenceDto.from(await this.volunteers.addAbsence(body.from, body.to));
  }

  @Get('absences')
  @Roles('volunteer')
  @ApiOperation({ summary: 'My absences' })
  @ApiOkResponse({ type: AbsenceListDto })
  @ApiProblems({ 403: ['FORBIDDEN', 'NOT_A_VOLUNTEER'] })
  async absences(@Query() page: PageQuery): Promise<AbsenceListDto> {
    return pageOfList((await this.volunteers.absencesOf((await this.volunteers.mine()).id)).map(AbsenceDto.from), page);
  }

  @Get('trainings')
  @Roles('volunteer')
  @ApiOperation({ summary: 'My trainings as recorded by the steunpunt' })
  @ApiOkResponse({ type: TrainingListDto })
  @ApiProblems({ 403: ['FORBIDDEN', 'NOT_A_VOLUNTEER'] })
  async trainings(@Query() page: PageQuery): Promise<TrainingListDto> {
    return pageOfList(
      (await this.volunteers.trainingsOf((await this.volunteers.mine()).id)).map(TrainingDto.from),
      page,
    );
  }
}
