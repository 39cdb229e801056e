import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MunicipalityService } from '@app/identity';
import { ApiPageResponse, ApiProblems, Page, Public, Roles, STAFF_ROLES } from '@app/platform';
import { CareRelationshipService } from './care-relationship.service';
import { CarerRegistrationService } from './carer-registration.service';
import { CarerService } from './carer.service';
import { ConsentService } from './consent.service';
import { today } from './dates';
import { CareRelationshipDto, CareRelationshipListDto } from './dto/care-relationship.dto';
import { CarerCreatedDto, CarerDto, CarerSearchQuery, CarerSignUpDto, carerStatus, StaffRegistrationDto } from './dto/carer.dto';
import { ConsentDto, ConsentListDto } from './dto/consent.dto';

@ApiTags('carers')
@Controller('carers')
export class CarerController {
  constructor(
    private readonly registration: CarerRegistrationService,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly consents: ConsentService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Sign up as a mantelzorger; a verification email follows' })
  @ApiCreatedResponse({ type: CarerCreatedDto })
  @ApiProblems({ 404: ['MUNICIPALITY_NOT_FOUND'], 409: ['EMAIL_TAKEN'], 422: ['SELF_SIGNUP_UNDER_16'], 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'] })
  async signUp(@Body() body: CarerSignUpDto): Promise<CarerCreatedDto> {
    const carer = await this.registration.signUp({ ...body, healthDataConsent: (body.consents ?? []).some((consent) => consent.purpose === 'health_data') });
    return { id: carer.id, status: 'pending_verification' };
  }

  @Post('registrations')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Register a carer on their behalf: without email (post), or under 16 with guardian consent' })
  @ApiCreatedResponse({ type: CarerCreatedDto })
  @ApiProblems({ 409: ['EMAIL_TAKEN'], 422: ['GUARDIAN_CONSENT_REQUIRED'], 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'] })
  async register(@Body() body: StaffRegistrationDto): Promise<CarerCreatedDto> {
    const carer = await this.registration.registerByStaff(body);
    const { account } = await this.carers.withAccount(carer);
    return { id: carer.id, status: carerStatus(carer, account) };
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Search carers of this municipality' })
  @ApiPageResponse(CarerDto)
  async search(@Query() query: CarerSearchQuery): Promise<Page<CarerDto>> {
    const { limit, cursor, ...filter } = query;
    const [page, municipality] = await Promise.all([this.carers.search(filter, { limit, cursor }), this.municipalities.current()]);
    const day = today(municipality.timezone);
    return { items: page.items.map((entry) => CarerDto.from(entry, day)), nextCursor: page.nextCursor };
  }

  @Get(':carerId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One carer of this municipality' })
  @ApiOkResponse({ type: CarerDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('carerId', new ParseUUIDPipe()) carerId: string): Promise<CarerDto> {
    const [found, municipality] = await Promise.all([this.carers.get(carerId), this.municipalities.current()]);
    return CarerDto.from(found, today(municipality.timezone));
  }

  @Post(':carerId/reactivate')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Turn an inactive carer back on (counts as confirmed today)' })
  @ApiOkResponse({ type: CarerDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async reactivate(@Param('carerId', new ParseUUIDPipe()) carerId: string): Promise<CarerDto> {
    const [found, municipality] = await Promise.all([this.carers.reactivate(carerId), this.municipalities.current()]);
    return CarerDto.from(found, today(municipality.timezone));
  }

  @Get(':carerId/care-relationships')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's care relationships, ended ones included" })
  @ApiOkResponse({ type: CareRelationshipListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async relationshipsOf(@Param('carerId', new ParseUUIDPipe()) carerId: string): Promise<CareRelationshipListDto> {
    await this.carers.get(carerId);
    return { items: (await this.relationships.list(carerId, true)).map(CareRelationshipDto.from) };
  }

  @Get(':carerId/consents')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's consents, withdrawn ones included" })
  @ApiOkResponse({ type: ConsentListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async consentsOf(@Param('carerId', new ParseUUIDPipe()) carerId: string): Promise<ConsentListDto> {
    await this.carers.get(carerId);
    return { items: (await this.consents.list(carerId)).map(ConsentDto.from) };
  }
}
