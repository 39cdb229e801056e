import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, NoPersonalData, pageOfList, PageQuery, Roles, STAFF_ROLES } from '@app/platform';
import { OfferProvidersDto, ProviderBookingListDto } from './dto/provider.dto';
import { OfferDto, OfferListDto } from './dto/respite.dto';
import { ProviderService } from './provider.service';

/** Providers of respite: bound to offers by admins; they keep those offers' slots and see who comes. */
@ApiTags('respite')
@Controller()
export class ProviderController {
  constructor(private readonly providers: ProviderService) {}

  @Put('respite/offers/:offerId/providers')
  @Audited('account', { bodyIds: 'accountIds' })
  @Roles('admin')
  @ApiOperation({ summary: 'Set which provider accounts run an offer (replaces the earlier list)' })
  @ApiOkResponse({ type: OfferProvidersDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async bind(
    @Param('offerId', new ParseUUIDPipe()) offerId: string,
    @Body() body: OfferProvidersDto,
  ): Promise<OfferProvidersDto> {
    return { accountIds: await this.providers.bind(offerId, body.accountIds) };
  }

  @Get('respite/offers/:offerId/providers')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The provider accounts that run an offer' })
  @ApiOkResponse({ type: OfferProvidersDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async providersOf(@Param('offerId', new ParseUUIDPipe()) offerId: string): Promise<OfferProvidersDto> {
    return { accountIds: await this.providers.providersOf(offerId) };
  }

  @Get('me/provider/offers')
  @Roles('provider')
  @ApiOperation({ summary: 'The offers I run as a provider' })
  @ApiOkResponse({ type: OfferListDto })
  @ApiProblems()
  async mine(@Query() page: PageQuery): Promise<OfferListDto> {
    return pageOfList((await this.providers.mine()).map(OfferDto.from), page);
  }

  @Get('me/provider/slots/:slotId/bookings')
  @Audited('respite_booking', { answer: 'items' })
  @Roles('provider')
  @ApiOperation({
    summary: 'Who is booked on a slot of my offer: first name, who they care for, and what they chose to share',
  })
  @ApiOkResponse({ type: ProviderBookingListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async bookings(
    @Param('slotId', new ParseUUIDPipe()) slotId: string,
    @Query() page: PageQuery,
  ): Promise<ProviderBookingListDto> {
    return pageOfList(await this.providers.bookingsOf(slotId), page);
  }
}
