import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Page, RequestContext, Roles, STAFF_ROLES, ValidationFailedError } from '@app/platform';
import { BookingService } from './booking.service';
import {
  BookingDto,
  BookingListDto,
  CancelBookingDto,
  ChangeCapacityDto,
  CreateBookingDto,
  CreateOfferDto,
  CreateSlotDto,
  GenerateSlotsDto,
  OfferDto,
  OfferListDto,
  SlotDto,
  SlotListDto,
  SlotListingDto,
  SlotSearchQuery,
} from './dto/respite.dto';
import { OfferService } from './offer.service';
import { SlotSearchService } from './slot-search';

@ApiTags('respite')
@Controller()
export class RespiteController {
  constructor(
    private readonly offers: OfferService,
    private readonly search: SlotSearchService,
    private readonly bookings: BookingService,
    private readonly context: RequestContext,
  ) {}

  @Post('respite/offers')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add a respite offer of a provider' })
  @ApiCreatedResponse({ type: OfferDto })
  @ApiProblems()
  async createOffer(@Body() body: CreateOfferDto): Promise<OfferDto> {
    return OfferDto.from(await this.offers.create(body));
  }

  @Get('respite/offers')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Offers this municipality manages' })
  @ApiOkResponse({ type: OfferListDto })
  async listOffers(): Promise<OfferListDto> {
    return { items: (await this.offers.list()).map(OfferDto.from) };
  }

  @Post('respite/offers/:offerId/slots')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add one slot' })
  @ApiCreatedResponse({ type: SlotDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async addSlot(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Body() body: CreateSlotDto): Promise<SlotDto> {
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (!(endsAt > startsAt)) throw new ValidationFailedError([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
    return SlotDto.from(await this.offers.addSlot(offerId, { startsAt, endsAt, dagdeel: 'custom', capacity: body.capacity }));
  }

  @Post('respite/offers/:offerId/slots/generate')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add slots from a weekly pattern of dagdelen (local times, correct across DST)' })
  @ApiCreatedResponse({ type: SlotListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async generate(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Body() body: GenerateSlotsDto): Promise<SlotListDto> {
    const { capacity, ...pattern } = body;
    if (pattern.to < pattern.from || Date.parse(pattern.to) - Date.parse(pattern.from) > 366 * 86_400_000) {
      throw new ValidationFailedError([{ field: 'to', message: 'to must be on or after from, within a year' }]);
    }
    return { items: (await this.offers.generateSlots(offerId, pattern, capacity)).map(SlotDto.from) };
  }

  @Patch('respite/slots/:slotId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Change the capacity of a slot (never below the places taken)' })
  @ApiOkResponse({ type: SlotDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['CAPACITY_BELOW_BOOKED'] })
  async changeCapacity(@Param('slotId', new ParseUUIDPipe()) slotId: string, @Body() body: ChangeCapacityDto): Promise<SlotDto> {
    return SlotDto.from(await this.offers.changeCapacity(slotId, body.capacity));
  }

  @Get('respite/slots')
  @Roles('carer', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Slots carers of this municipality can book, by start time, with remaining places' })
  @ApiPageResponse(SlotListingDto)
  @ApiProblems()
  async slots(@Query() query: SlotSearchQuery): Promise<Page<SlotListingDto>> {
    const page = await this.search.search(query);
    return { items: page.items.map(SlotListingDto.fromListing), nextCursor: page.nextCursor };
  }

  @Post('respite/bookings')
  @Roles('carer')
  @ApiOperation({ summary: 'Book a slot for one of my care relationships' })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiProblems({
    403: ['FORBIDDEN', 'EMAIL_NOT_VERIFIED'],
    404: ['NOT_FOUND'],
    409: ['SLOT_FULL', 'OVERLAPPING_BOOKING', 'ALREADY_BOOKED', 'SLOT_CANCELLED'],
    422: ['RESPITE_BUDGET_EXCEEDED', 'TOO_LATE_TO_BOOK'],
  })
  async book(@Body() body: CreateBookingDto): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.book(body));
  }

  @Get('me/respite-bookings')
  @Roles('carer')
  @ApiOperation({ summary: 'My respite bookings' })
  @ApiOkResponse({ type: BookingListDto })
  async mine(): Promise<BookingListDto> {
    return { items: (await this.bookings.mine()).map(BookingDto.from) };
  }

  @Post('respite/bookings/:bookingId/cancel')
  @HttpCode(200)
  @Roles('carer', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Cancel a booking; after the cut-off it still counts against the budget' })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['BOOKING_NOT_CANCELLABLE'] })
  async cancel(@Param('bookingId', new ParseUUIDPipe()) bookingId: string, @Body() body: CancelBookingDto): Promise<BookingDto> {
    const byStaff = this.context.actor().role !== 'carer';
    return BookingDto.from(await this.bookings.cancel(bookingId, body.reason ?? null, byStaff));
  }
}
