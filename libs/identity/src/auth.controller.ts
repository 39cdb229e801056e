import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@app/platform';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { EmailDto, LoginDto, RefreshDto, ResetPasswordDto, StatusDto, TokenDto, TokenPairDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems({ 401: ['INVALID_CREDENTIALS'], 429: ['TOO_MANY_ATTEMPTS'] })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused token ends the whole sign-in' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems({ 401: ['UNAUTHENTICATED', 'REFRESH_TOKEN_REUSED'] })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the sign-in the refresh token belongs to' })
  @ApiNoContentResponse()
  @ApiProblems()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an email address with the token from the emailed link' })
  @ApiOkResponse({ type: StatusDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'TOKEN_INVALID'] })
  async verifyEmail(@Body() body: TokenDto): Promise<StatusDto> {
    await this.accounts.verifyEmail(body.token);
    return { status: 'verified' };
  }

  @Post('verify-email/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new verification link (same answer whether or not the address is known)' })
  @ApiAcceptedResponse({ type: StatusDto })
  @ApiProblems()
  async resendVerification(@Body() body: EmailDto, @Ip() ip: string): Promise<StatusDto> {
    // Beyond the allowance nothing is sent, and the answer stays the same.
    await this.auth.requestVerificationMail(body.email, ip);
    return { status: 'accepted' };
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a link to choose a new password (same answer whether or not the address is known)' })
  @ApiAcceptedResponse({ type: StatusDto })
  @ApiProblems()
  async requestPasswordReset(@Body() body: EmailDto, @Ip() ip: string): Promise<StatusDto> {
    await this.auth.requestPasswordResetMail(body.email, ip);
    return { status: 'accepted' };
  }

  @Post('password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a new password with the emailed token; ends all existing sign-ins' })
  @ApiOkResponse({ type: StatusDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'TOKEN_INVALID'] })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<StatusDto> {
    await this.accounts.resetPassword(body.token, body.password);
    return { status: 'ok' };
  }
}
