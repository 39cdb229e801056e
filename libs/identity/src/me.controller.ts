import { Body, Controller, Get, HttpCode, Ip, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PERSON_ROLES, RequestContext, Roles } from '@app/platform';
import { Account } from './account.entity';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { MeDto, MunicipalityRefDto, UserDto } from './dto/account.dto';
import { StatusDto, TokenPairDto } from './dto/auth.dto';
import { ChangeEmailDto, ChangePasswordDto, UpdateOwnAccountDto } from './dto/own-account.dto';
import { MunicipalityService } from './municipality.service';
import { OwnAccountService } from './own-account.service';

/** The signed-in person's own account. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountService,
    private readonly ownAccounts: OwnAccountService,
    private readonly auth: AuthService,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: MeDto })
  async me(): Promise<MeDto> {
    return this.describe(await this.accounts.getInMunicipality(this.context.actor().id));
  }

  @Patch('account')
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Change my name, language and which campaign mail I get (only the fields sent)' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 422: ['UNKNOWN_MAIL_KIND'] })
  async update(@Body() body: UpdateOwnAccountDto): Promise<MeDto> {
    return this.describe(await this.ownAccounts.update(this.context.actor().id, body));
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...PERSON_ROLES)
  @ApiOperation({
    summary: 'Choose a new password; every other sign-in ends, and these new tokens carry on this one',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 403: ['WRONG_PASSWORD'], 429: ['TOO_MANY_ATTEMPTS'] })
  changePassword(@Body() body: ChangePasswordDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.changePassword(this.context.actor().id, body.currentPassword, body.newPassword, ip);
  }

  @Post('email')
  @HttpCode(202)
  @Roles(...PERSON_ROLES)
  @ApiOperation({
    summary: 'Ask to use a new email address: it changes when the link mailed to it is followed; the old one is told',
  })
  @ApiAcceptedResponse({ type: StatusDto })
  @ApiProblems({
    400: ['VALIDATION_FAILED'],
    403: ['WRONG_PASSWORD'],
    409: ['EMAIL_TAKEN'],
    422: ['SAME_EMAIL'],
    429: ['TOO_MANY_ATTEMPTS'],
  })
  async changeEmail(@Body() body: ChangeEmailDto, @Ip() ip: string): Promise<StatusDto> {
    await this.auth.requestEmailChange(this.context.actor().id, body.newEmail, body.currentPassword, ip);
    return { status: 'confirmation_sent' };
  }

  private async describe(account: Account): Promise<MeDto> {
    const municipality = await this.municipalities.current();
    return {
      ...UserDto.from(account),
      municipality: MunicipalityRefDto.from(municipality),
      campaignMail: account.campaignOptOutAt === null,
      mailOptOuts: account.mailOptOuts,
      optionalMailKinds: this.ownAccounts.optionalMailKinds(),
    };
  }
}
