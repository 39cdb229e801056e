import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, NoPersonalData, Roles, pageOfList, PageQuery } from '@app/platform';
import { CreatePartnerDto, PartnerCreatedDto, PartnerDto, PartnerListDto } from './dto/partner.dto';
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
    const { partner, apiKey } = await this.partners.create(body.name);
    return { id: partner.id, apiKey };
  }

  @Get()
  @NoPersonalData()
  @ApiOperation({ summary: 'Partners of this municipality' })
  @ApiOkResponse({ type: PartnerListDto })
  async list(@Query() page: PageQuery): Promise<PartnerListDto> {
    return pageOfList((await this.partners.list()).map(PartnerDto.from), page);
  }
}
