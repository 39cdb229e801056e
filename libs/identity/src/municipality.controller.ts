import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  NoPersonalData,
  NotFoundError,
  RequestContext,
  Roles,
  STAFF_ROLES,
  pageOfList,
  PageQuery,
} from '@app/platform';
import {
  CreateWijkDto,
  MunicipalityDto,
  PostcodeQuery,
  SetWijkNeighboursDto,
  UpdateSettingsDto,
  WijkDto,
  WijkListDto,
} from './dto/municipality.dto';
import { MunicipalityService } from './municipality.service';

@ApiTags('municipality')
@Controller()
export class MunicipalityController {
  constructor(
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  @Get('municipality')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The municipality of the signed-in staff member, with its settings' })
  @ApiOkResponse({ type: MunicipalityDto })
  async current(): Promise<MunicipalityDto> {
    return MunicipalityDto.from(await this.municipalities.current());
  }

  @Patch('municipality/settings')
  @NoPersonalData()
  @Roles('admin')
  @ApiOperation({ summary: 'Change municipal settings (only the fields sent)' })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiProblems()
  async updateSettings(@Body() body: UpdateSettingsDto): Promise<MunicipalityDto> {
    return MunicipalityDto.from(await this.municipalities.updateSettings(body));
  }

  @Post('wijken')
  @NoPersonalData()
  @Roles('admin')
  @ApiOperation({ summary: 'Define a wijk by its PC4 postcode ranges' })
  @ApiCreatedResponse({ type: WijkDto })
  @ApiProblems({ 409: ['WIJK_POSTCODE_OVERLAP', 'WIJK_NAME_TAKEN'] })
  async createWijk(@Body() body: CreateWijkDto): Promise<WijkDto> {
    return WijkDto.from(await this.municipalities.createWijk(body.name, body.postcodeRanges));
  }

  @Get('wijken')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The wijken of this municipality' })
  @ApiOkResponse({ type: WijkListDto })
  async listWijken(@Query() page: PageQuery): Promise<WijkListDto> {
    return pageOfList((await this.municipalities.listWijken()).map(WijkDto.from), page);
  }

  @Put('wijken/:id/neighbours')
  @NoPersonalData()
  @Roles('admin')
  @ApiOperation({ summary: 'Set the wijken bordering this one (mutual: each listed wijk lists this one too)' })
  @ApiOkResponse({ type: WijkDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async setNeighbours(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SetWijkNeighboursDto,
  ): Promise<WijkDto> {
    return WijkDto.from(await this.municipalities.setNeighbours(id, body.neighbourIds));
  }

  @Get('wijken/lookup')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The wijk of a postcode in this municipality' })
  @ApiOkResponse({ type: WijkDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async lookup(@Query() query: PostcodeQuery): Promise<WijkDto> {
    const wijk = await this.municipalities.wijkForPostcode(this.context.municipalityId(), query.postcode);
    if (!wijk) throw new NotFoundError({ nl: 'Een wijk voor deze postcode', en: 'A wijk for this postcode' });
    const all = await this.municipalities.listWijken();
    return WijkDto.from(all.find((entry) => entry.wijk.id === wijk.id)!);
  }
}
