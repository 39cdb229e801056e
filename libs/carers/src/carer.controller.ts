import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MunicipalityService } from '@app/identity';
import {
  ApiPageResponse,
  ApiProblems,
  Audited,
  Page,
  Public,
  Roles,
  STAFF_ROLES,
  pageOfList,
  PageQuery,
} from '@app/platform';
import { CareRelationshipService } from './care-relationship.service';
import { CarerRegistrationService } from './carer-registration.service';
import { CarerService } from './carer.service';
import { ConsentService } from './consent.service';
import { today } from './dates';
import {
  CareRelationshipDto,
  CareRelationshipListDto,
  CreateCareRelationshipDto,
  UpdateCareRelationshipDto,
} from './dto/care-relationship.dto';
import {
  CarerCreatedDto,
  CarerDto,
  CarerSearchQuery,
  CarerSignUpDto,
  carerStatus,
  StaffRegistrationDto,
} from './dto/carer.dto';
import { CarerConsentParams, ConsentDto, ConsentListDto, GiveConsentDto } from './dto/consent.dto';

@ApiTags('carers')
@Controller('carers')
export class CarerController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
  @ApiProblems({
    404: ['MUNICIPALITY_NOT_FOUND'],
    409: ['EMAIL_TAKEN'],
    422: ['SELF_SIGNUP_UNDER_16'],
    400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'],
  })
  async signUp(@Body() body: CarerSignUpDto): Promise<CarerCreatedDto> {
    const carer = await this.registration.signUp({
      ...body,
      healthDataConsent: (body.consents ?? []).some((consent) => consent.purpose === 'health_data'),
    });
    return { id: carer.id, status: 'pending_verification' };
  }

  @Post('registrations')
  @Audited('carer', { answer: 'id' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Register a carer on their behalf: without email (post), or under 16 with guardian consent',
  })
  @ApiCreatedResponse({ type: CarerCreatedDto })
  @ApiProblems({
    409: ['EMAIL_TAKEN'],
    422: ['GUARDIAN_CONSENT_REQUIRED'],
    400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'],
  })
  async register(@Body() body: StaffRegistrationDto): Promise<CarerCreatedDto> {
    const carer = await this.registration.registerByStaff(body);
    const { account } = await this.carers.withAccount(carer);
    return { id: carer.id, status: carerStatus(carer, account) };
  }

  @Get()
  @Audited('carer', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Search carers of this municipality' })
  @ApiPageResponse(CarerDto)
  async search(@Query() query: CarerSearchQuery): Promise<Page<CarerDto>> {
    const { limit, cursor, ...filter } = query;
    const [page, municipality] = await Promise.all([
      this.carers.search(filter, { limit, cursor }),
      this.municipalities.current(),
    ]);
    const day = today(municipality.timezone);
    return { items: page.items.map((entry) => CarerDto.from(entry, day)), nextCursor: page.nextCursor };
  }

  @Get(':carerId')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One carer of this municipality' })
  @ApiOkResponse({ type: CarerDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('carerId', new ParseUUIDPipe()) carerId: string): Promise<CarerDto> {
    const [found, municipality] = await Promise.all([this.carers.get(carerId), this.municipalities.current()]);
    return CarerDto.from(found, today(municipality.timezone));
  }

  @Post(':carerId/reactivate')
  @Audited('carer', { param: 'carerId' })
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
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's care relationships, ended ones included" })
  @ApiOkResponse({ type: CareRelationshipListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async relationshipsOf(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Query() page: PageQuery,
  ): Promise<CareRelationshipListDto> {
    await this.carers.get(carerId);
    return pageOfList((await this.relationships.list(carerId, true)).map(CareRelationshipDto.from), page);
  }

  @Post(':carerId/care-relationships')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add a care relationship for a carer (e.g. one without a login)' })
  @ApiCreatedResponse({ type: CareRelationshipDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 422: ['HEALTH_CONSENT_REQUIRED'] })
  async addRelationship(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Body() body: CreateCareRelationshipDto,
  ): Promise<CareRelationshipDto> {
    await this.carers.get(carerId);
    return CareRelationshipDto.from(await this.relationships.create(carerId, body));
  }

  @Patch(':carerId/care-relationships/:id')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "Change a carer's care relationship (only the fields sent)" })
  @ApiOkResponse({ type: CareRelationshipDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CARE_RELATIONSHIP_ENDED'], 422: ['HEALTH_CONSENT_REQUIRED'] })
  async updateRelationship(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateCareRelationshipDto,
  ): Promise<CareRelationshipDto> {
    await this.carers.get(carerId);
    return CareRelationshipDto.from(await this.relationships.update(carerId, id, body));
  }

  @Post(':carerId/care-relationships/:id/end')
  @Audited('carer', { param: 'carerId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "End a carer's care relationship" })
  @ApiOkResponse({ type: CareRelationshipDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async endRelationship(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CareRelationshipDto> {
    await this.carers.get(carerId);
    return CareRelationshipDto.from(await this.relationships.end(carerId, id));
  }

  @Post(':carerId/consents')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Record a consent the carer gave in person or on paper' })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async recordConsent(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Body() body: GiveConsentDto,
  ): Promise<ConsentDto> {
    await this.carers.get(carerId);
    return ConsentDto.from(
      await this.dataSource.transaction((manager) => this.consents.give(manager, carerId, body.purpose, 'staff')),
    );
  }

  @Post(':carerId/consents/:purpose/withdraw')
  @Audited('carer', { param: 'carerId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Record a withdrawal of consent; for health_data the health fields are erased' })
  @ApiOkResponse({ type: ConsentListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async withdrawConsent(@Param() params: CarerConsentParams): Promise<ConsentListDto> {
    await this.carers.get(params.carerId);
    await this.dataSource.transaction((manager) => this.consents.withdraw(manager, params.carerId, params.purpose));
    return { items: (await this.consents.list(params.carerId)).map(ConsentDto.from), nextCursor: null };
  }

  @Get(':carerId/consents')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's consents, withdrawn ones included" })
  @ApiOkResponse({ type: ConsentListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async consentsOf(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Query() page: PageQuery,
  ): Promise<ConsentListDto> {
    await this.carers.get(carerId);
    return pageOfList((await this.consents.list(carerId)).map(ConsentDto.from), page);
  }
}
