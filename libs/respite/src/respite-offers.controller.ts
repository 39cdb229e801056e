import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  Audited,
  NoPersonalData,
  Page,
  Roles,
  STAFF_ROLES,
  ValidationFailedError,
  pageOfList,
  PageQuery,
} from '@app/platform';
import {
  CancelSlotDto,
  ChangeCapacityDto,
  CreateOfferDto,
  CreateSlotDto,
  GenerateSlotsDto,
  OfferDto,
  OfferListDto,
  SlotBookingDto,
  SlotBookingListDto,
  SlotCancellationDto,
  SlotDto,
  SlotListDto,
  SlotListingDto,
  SlotSearchQuery,
  UpdateOfferDto,
} from './dto/respite.dto';
import { OccupancyDto, OccupancyQuery } from './dto/respite-usage.dto';
import { OfferService } from './offer.service';
import { SlotCancellationService } from './slot-cancellation.service';
import { SlotSearchService } from './slot-search';
import { RespiteUsageService } from './usage.service';

/** Offers and slots: staff manage their municipality's, carers search the ones serving them. */
@ApiTags('respite')
@Controller()
export class RespiteOffersController {
  constructor(
    private readonly offers: OfferService,
    private readonly search: SlotSearchService,
    private readonly cancellations: SlotCancellationService,
    private readonly usage: RespiteUsageService,
  ) {}

  @Post('respite/offers')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add a respite offer of a provider' })
  @ApiCreatedResponse({ type: OfferDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async createOffer(@Body() body: CreateOfferDto): Promise<OfferDto> {
    return OfferDto.from(await this.offers.create(body));
  }

  @Patch('respite/offers/:offerId')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Change an offer of this municipality (not its kind)' })
  @ApiOkResponse({ type: OfferDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async updateOffer(
    @Param('offerId', new ParseUUIDPipe()) offerId: string,
    @Body() body: UpdateOfferDto,
  ): Promise<OfferDto> {
    return OfferDto.from(await this.offers.update(offerId, body));
  }

  @Get('respite/offers')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Offers this municipality manages' })
  @ApiOkResponse({ type: OfferListDto })
  @ApiProblems()
  async listOffers(@Query() page: PageQuery): Promise<OfferListDto> {
    return pageOfList((await this.offers.list()).map(OfferDto.from), page);
  }

  @Get('respite/offers/:offerId/occupancy')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({
    summary: 'How full the offer’s slots starting in [from, to) were: places, waiting list, attendance, no-shows',
  })
  @ApiOkResponse({ type: OccupancyDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  occupancy(
    @Param('offerId', new ParseUUIDPipe()) offerId: string,
    @Query() query: OccupancyQuery,
  ): Promise<OccupancyDto> {
    return this.usage.occupancy(offerId, new Date(query.from), new Date(query.to));
  }

  @Post('respite/offers/:offerId/slots')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({ summary: 'Add one slot' })
  @ApiCreatedResponse({ type: SlotDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async addSlot(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Body() body: CreateSlotDto): Promise<SlotDto> {
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (!(endsAt > startsAt))
      throw new ValidationFailedError([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
    return SlotDto.from(
      await this.offers.addSlot(offerId, { startsAt, endsAt, dagdeel: 'custom', capacity: body.capacity }),
    );
  }

  @Post('respite/offers/:offerId/slots/generate')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({ summary: 'Add slots from a weekly pattern of dagdelen (local times, correct across DST)' })
  @ApiCreatedResponse({ type: SlotListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async generate(
    @Param('offerId', new ParseUUIDPipe()) offerId: string,
    @Body() body: GenerateSlotsDto,
  ): Promise<SlotListDto> {
    const { capacity, ...pattern } = body;
    if (pattern.to < pattern.from || Date.parse(pattern.to) - Date.parse(pattern.from) > 366 * 86_400_000) {
      throw new ValidationFailedError([{ field: 'to', message: 'to must be on or after from, within a year' }]);
    }
    return { items: (await this.offers.generateSlots(offerId, pattern, capacity)).map(SlotDto.from), nextCursor: null };
  }

  @Patch('respite/slots/:slotId')
  @NoPersonalData()
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({ summary: 'Change the capacity of a slot (never below the places taken)' })
  @ApiOkResponse({ type: SlotDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CAPACITY_BELOW_BOOKED'] })
  async changeCapacity(
    @Param('slotId', new ParseUUIDPipe()) slotId: string,
    @Body() body: ChangeCapacityDto,
  ): Promise<SlotDto> {
    return SlotDto.from(await this.offers.changeCapacity(slotId, body.capacity));
  }

  @Post('respite/slots/:slotId/cancel')
  @NoPersonalData()
  @HttpCode(200)
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({
    summary: 'Call a slot off: its bookings and waiting list end, budgets are given back, every carer is told',
  })
  @ApiOkResponse({ type: SlotCancellationDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async cancelSlot(
    @Param('slotId', new ParseUUIDPipe()) slotId: string,
    @Body() body: CancelSlotDto,
  ): Promise<SlotCancellationDto> {
    const { slot, bookingsCancelled } = await this.cancellations.cancel(slotId, body.reason);
    return { slot: SlotDto.from(slot), bookingsCancelled };
  }

  @Get('respite/slots/:slotId/bookings')
  @Audited('respite_booking', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Bookings and waiting list of a slot of this municipality’s offers (for attendance)' })
  @ApiOkResponse({ type: SlotBookingListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async slotBookings(
    @Param('slotId', new ParseUUIDPipe()) slotId: string,
    @Query() page: PageQuery,
  ): Promise<SlotBookingListDto> {
    return pageOfList((await this.offers.bookingsOf(slotId)).map(SlotBookingDto.fromBooking), page);
  }

  @Get('respite/slots')
  @NoPersonalData()
  @Roles('carer', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Slots carers of this municipality can book, by start time, with remaining places' })
  @ApiPageResponse(SlotListingDto)
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'INVALID_CURSOR'] })
  async slots(@Query() query: SlotSearchQuery): Promise<Page<SlotListingDto>> {
    const page = await this.search.search(query);
    return { items: page.items.map(SlotListingDto.fromListing), nextCursor: page.nextCursor };
  }
}
