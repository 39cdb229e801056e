import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MunicipalityService } from '@app/identity';
import { ApiProblems, NoPersonalData, pageOfList, Public, Roles, STAFF_ROLES } from '@app/platform';
import {
  SocialMapEntryDto,
  SocialMapEntryInputDto,
  SocialMapListDto,
  SocialMapSearchQuery,
} from './dto/social-map.dto';
import { SocialMapService } from './social-map.service';

/** The sociale kaart: searched by anyone, kept by staff. */
@ApiTags('social-map')
@Controller('social-map')
export class SocialMapController {
  constructor(
    private readonly socialMap: SocialMapService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "Search a municipality's social map by topic, wijk and words; no sign-in needed" })
  @ApiOkResponse({ type: SocialMapListDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'INVALID_CURSOR'], 404: ['MUNICIPALITY_NOT_FOUND'] })
  async search(@Query() query: SocialMapSearchQuery): Promise<SocialMapListDto> {
    const municipality = await this.municipalities.findByCode(query.municipalityCode);
    const { limit, cursor, ...filter } = query;
    const found = await this.socialMap.search(municipality.id, filter);
    return pageOfList(found.map(SocialMapEntryDto.from), { limit, cursor });
  }

  @Post()
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add an organisation to the social map' })
  @ApiCreatedResponse({ type: SocialMapEntryDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_TOPIC'] })
  async create(@Body() body: SocialMapEntryInputDto): Promise<SocialMapEntryDto> {
    return SocialMapEntryDto.from(await this.socialMap.create(body));
  }

  @Put(':entryId')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Change an entry of the social map' })
  @ApiOkResponse({ type: SocialMapEntryDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_TOPIC'] })
  async update(
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @Body() body: SocialMapEntryInputDto,
  ): Promise<SocialMapEntryDto> {
    return SocialMapEntryDto.from(await this.socialMap.update(entryId, body));
  }

  @Delete(':entryId')
  @NoPersonalData()
  @HttpCode(204)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Remove an entry from the social map' })
  @ApiNoContentResponse()
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async remove(@Param('entryId', new ParseUUIDPipe()) entryId: string): Promise<void> {
    await this.socialMap.remove(entryId);
  }
}
