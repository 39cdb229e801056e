import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Audited, Page, Roles, mapPage } from '@app/platform';
import { AccountService } from './account.service';
import { CreateUserDto, UserDto, UserListQuery } from './dto/account.dto';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly accounts: AccountService) {}

  @Post()
  @Audited('account', { answer: 'id' })
  @ApiOperation({ summary: 'Invite a staff member or admin of this municipality (they choose a password by email)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems({ 409: ['EMAIL_TAKEN'] })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.accounts.invite(body));
  }

  @Get()
  @Audited('account', { answer: 'items' })
  @ApiOperation({ summary: 'Accounts of this municipality, newest first' })
  @ApiPageResponse(UserDto)
  async list(@Query() query: UserListQuery): Promise<Page<UserDto>> {
    return mapPage(await this.accounts.listInMunicipality(query, query.role), UserDto.from);
  }

  @Get(':id')
  @Audited('account', { param: 'id' })
  @ApiOperation({ summary: 'One account of this municipality' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<UserDto> {
    return UserDto.from(await this.accounts.getInMunicipality(id));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Audited('account', { param: 'id' })
  @ApiOperation({
    summary:
      'Disable an account of this municipality: no sign-in, its sessions end and its tokens are refused within 5 s',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CANNOT_DISABLE_SELF'] })
  async disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return UserDto.from(await this.accounts.disable(id));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Audited('account', { param: 'id' })
  @ApiOperation({ summary: 'Enable a disabled account of this municipality: it can sign in again' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['ACCOUNT_ERASED'] })
  async enable(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return UserDto.from(await this.accounts.enable(id));
  }
}
