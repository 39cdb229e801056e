import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERSON_ROLES, RequestContext, Roles } from '@app/platform';
import { AccountService } from './account.service';
import { MeDto, MunicipalityRefDto, UserDto } from './dto/account.dto';
import { MunicipalityService } from './municipality.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: MeDto })
  async me(): Promise<MeDto> {
    const [account, municipality] = await Promise.all([
      this.accounts.getInMunicipality(this.context.actor().id),
      this.municipalities.current(),
    ]);
    return { ...UserDto.from(account), municipality: MunicipalityRefDto.from(municipality) };
  }
}
