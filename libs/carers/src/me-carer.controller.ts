import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MunicipalityService } from '@app/identity';
import { ApiProblems, Roles, pageOfList, PageQuery } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CareRelationshipService } from './care-relationship.service';
import { CarerService } from './carer.service';
import { ConsentService } from './consent.service';
import { today } from './dates';
import {
  CareRelationshipDto,
  CareRelationshipListDto,
  CreateCareRelationshipDto,
  UpdateCareRelationshipDto,
} from './dto/care-relationship.dto';
import { CarerDto, UpdateOwnCarerDto } from './dto/carer.dto';
import { ConsentDto, ConsentListDto, GiveConsentDto } from './dto/consent.dto';

@ApiTags('me')
@Controller('me')
@Roles('carer')
export class MeCarerController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly consents: ConsentService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get('carer')
  @ApiOperation({ summary: 'My carer profile' })
  @ApiOkResponse({ type: CarerDto })
  async profile(): Promise<CarerDto> {
    const [carer, municipality] = await Promise.all([this.carers.mine(), this.municipalities.current()]);
    return CarerDto.from(await this.carers.withAccount(carer), today(municipality.timezone));
  }

  @Patch('carer')
  @ApiOperation({
    summary: 'Change my name, address (the wijk follows the postcode), phone and channel (only the fields sent)',
  })
  @ApiOkResponse({ type: CarerDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 422: ['ADDRESS_REQUIRED', 'EMAIL_REQUIRED'] })
  async updateProfile(@Body() body: UpdateOwnCarerDto): Promise<CarerDto> {
    const updated = await this.carers.updateMine(body);
    return CarerDto.from(updated, today((await this.municipalities.current()).timezone));
  }

  @Post('care-relationships')
  @ApiOperation({ summary: 'Add someone I care for' })
  @ApiCreatedResponse({ type: CareRelationshipDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'DATE_IN_FUTURE'], 422: ['HEALTH_CONSENT_REQUIRED'] })
  async create(@Body() body: CreateCareRelationshipDto): Promise<CareRelationshipDto> {
    const carer = await this.carers.mine();
    return CareRelationshipDto.from(await this.relationships.create(carer.id, body));
  }

  @Get('care-relationships')
  @ApiOperation({ summary: 'The people I care for now' })
  @ApiOkResponse({ type: CareRelationshipListDto })
  async list(@Query() page: PageQuery): Promise<CareRelationshipListDto> {
    const carer = await this.carers.mine();
    return pageOfList((await this.relationships.list(carer.id)).map(CareRelationshipDto.from), page);
  }

  @Patch('care-relationships/:id')
  @ApiOperation({ summary: 'Change a care relationship (only the fields sent)' })
  @ApiOkResponse({ type: CareRelationshipDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CARE_RELATIONSHIP_ENDED'], 422: ['HEALTH_CONSENT_REQUIRED'] })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateCareRelationshipDto,
  ): Promise<CareRelationshipDto> {
    const carer = await this.carers.mine();
    return CareRelationshipDto.from(await this.relationships.update(carer.id, id, body));
  }

  @Post('care-relationships/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a care relationship (kept for history)' })
  @ApiOkResponse({ type: CareRelationshipDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async end(@Param('id', new ParseUUIDPipe()) id: string): Promise<CareRelationshipDto> {
    const carer = await this.carers.mine();
    return CareRelationshipDto.from(await this.relationships.end(carer.id, id));
  }

  @Get('consents')
  @ApiOperation({ summary: 'My consents' })
  @ApiOkResponse({ type: ConsentListDto })
  async myConsents(@Query() page: PageQuery): Promise<ConsentListDto> {
    const carer = await this.carers.mine();
    return pageOfList((await this.consents.list(carer.id)).map(ConsentDto.from), page);
  }

  @Post('consents')
  @ApiOperation({ summary: 'Give consent (current text version)' })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiProblems()
  async give(@Body() body: GiveConsentDto): Promise<ConsentDto> {
    const carer = await this.carers.mine();
    return ConsentDto.from(
      await this.dataSource.transaction((manager) => this.consents.give(manager, carer.id, body.purpose, 'self')),
    );
  }

  @Post('consents/:purpose/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw consent; for health_data the kinds of care and notes are erased' })
  @ApiParam({ name: 'purpose', enum: ['health_data'] })
  @ApiOkResponse({ type: ConsentListDto })
  @ApiProblems()
  async withdraw(@Param() params: GiveConsentDto): Promise<ConsentListDto> {
    const carer = await this.carers.mine();
    await this.dataSource.transaction((manager) => this.consents.withdraw(manager, carer.id, params.purpose));
    return { items: (await this.consents.list(carer.id)).map(ConsentDto.from), nextCursor: null };
  }
}
