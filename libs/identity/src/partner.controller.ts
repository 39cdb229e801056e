import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, NoPersonalData, Roles, pageOfList, PageQuery } from '@app/platform';
import {
  CreatePartnerDto,
  CreatePartnerKeyDto,
  PartnerCreatedDto,
  PartnerDto,
  PartnerKeyCreatedDto,
  PartnerKeyDto,
  PartnerKeyListDto,
  PartnerListDto,
} from './dto/partner.dto';
import { PartnerService } from './partner.service';

@ApiTags('partners')
@Controller('partners')
@Roles('admin')
export class PartnerController {
  constructor(private readonly partners: PartnerService) {}

  @Post()
  @NoPersonalData()
  @ApiOperation({ summary: 'Register a partner that redeems vouchers; the API key is shown only in this answer' })
  @ApiCreatedResponse({ type: PartnerCreatedDto })
  @ApiProblems()
  async create(@Body() body: CreatePartnerDto): Promise<PartnerCreatedDto> {
    const { partner, apiKey } = await this.partners.create(
      body.name,
      body.referrerSource ? { source: body.referrerSource } : null,
    );
    return { id: partner.id, apiKey };
  }

  @Get()
  @NoPersonalData()
  @ApiOperation({ summary: 'Partners of this municipality' })
  @ApiOkResponse({ type: PartnerListDto })
  async list(@Query() page: PageQuery): Promise<PartnerListDto> {
    return pageOfList((await this.partners.list()).map(PartnerDto.from), page);
  }

  @Post(':partnerId/keys')
  @NoPersonalData()
  @ApiOperation({
    summary:
      'Another API key for the partner (to rotate, or for one till), optionally limited to a campaign or voucher kinds; older keys work until revoked. Shown once',
  })
  @ApiCreatedResponse({ type: PartnerKeyCreatedDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async addKey(
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Body() body: CreatePartnerKeyDto,
  ): Promise<PartnerKeyCreatedDto> {
    const { key, apiKey } = await this.partners.addKey(partnerId, body);
    return { id: key.id, apiKey };
  }

  @Get(':partnerId/keys')
  @NoPersonalData()
  @ApiOperation({
    summary: "The partner's keys by prefix, with when each was made, last used and revoked; never the key",
  })
  @ApiOkResponse({ type: PartnerKeyListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async keys(
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Query() page: PageQuery,
  ): Promise<PartnerKeyListDto> {
    return pageOfList((await this.partners.listKeys(partnerId)).map(PartnerKeyDto.from), page);
  }

  @Delete(':partnerId/keys/:keyId')
  @HttpCode(204)
  @NoPersonalData()
  @ApiOperation({ summary: 'Revoke a key: it is refused from the next request on' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async revokeKey(
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
  ): Promise<void> {
    await this.partners.revokeKey(partnerId, keyId);
  }
}
