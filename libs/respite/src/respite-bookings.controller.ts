import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CarerService } from '@app/carers';
import { ApiProblems, Audited, RequestContext, Roles, STAFF_ROLES, pageOfList, PageQuery } from '@app/platform';
import { AttendanceService } from './attendance.service';
import { BookingService } from './booking.service';
import {
  BookingAttendanceDto,
  BookingDto,
  BookingListDto,
  CancelBookingDto,
  CreateBookingDto,
  MoveBookingDto,
} from './dto/respite.dto';
import { BudgetQuery, BudgetStatementDto } from './dto/respite-usage.dto';
import { RespiteUsageService } from './usage.service';

/** Bookings: carers book, move and cancel; staff cancel with a reason and record attendance. */
@ApiTags('respite')
@Controller()
export class RespiteBookingsController {
  constructor(
    private readonly bookings: BookingService,
    private readonly attendance: AttendanceService,
    private readonly usage: RespiteUsageService,
    private readonly carers: CarerService,
    private readonly context: RequestContext,
  ) {}

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
  @ApiProblems()
  async mine(@Query() page: PageQuery): Promise<BookingListDto> {
    return pageOfList((await this.bookings.mine()).map(BookingDto.from), page);
  }

  @Get('me/respite-budget')
  @Roles('carer')
  @ApiOperation({ summary: 'My respite budget for a year: used and left' })
  @ApiOkResponse({ type: BudgetStatementDto })
  @ApiProblems()
  async myBudget(@Query() query: BudgetQuery): Promise<BudgetStatementDto> {
    return this.usage.budgetOf((await this.carers.mine()).id, query.year);
  }

  @Get('carers/:carerId/respite-budget')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A carer’s respite budget for a year: used and left' })
  @ApiOkResponse({ type: BudgetStatementDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async budgetOf(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Query() query: BudgetQuery,
  ): Promise<BudgetStatementDto> {
    const { carer } = await this.carers.get(carerId);
    return this.usage.budgetOf(carer.id, query.year);
  }

  @Post('respite/bookings/:bookingId/move')
  @HttpCode(200)
  @Roles('carer')
  @ApiOperation({
    summary: 'Move my confirmed booking to another slot, until the cancellation cut-off; reminders follow',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems({
    404: ['NOT_FOUND'],
    409: ['SLOT_FULL', 'OVERLAPPING_BOOKING', 'ALREADY_BOOKED', 'SLOT_CANCELLED', 'BOOKING_NOT_MOVABLE'],
    422: ['RESPITE_BUDGET_EXCEEDED', 'TOO_LATE_TO_BOOK'],
  })
  async move(
    @Param('bookingId', new ParseUUIDPipe()) bookingId: string,
    @Body() body: MoveBookingDto,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.move(bookingId, body.slotId));
  }

  @Post('respite/bookings/:bookingId/cancel')
  @Audited('respite_booking', { param: 'bookingId' })
  @HttpCode(200)
  @Roles('carer', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Cancel a booking; after the cut-off it still counts against the budget' })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['BOOKING_NOT_CANCELLABLE'] })
  async cancel(
    @Param('bookingId', new ParseUUIDPipe()) bookingId: string,
    @Body() body: CancelBookingDto,
  ): Promise<BookingDto> {
    const byStaff = this.context.actor().role !== 'carer';
    return BookingDto.from(await this.bookings.cancel(bookingId, body.reason ?? null, byStaff));
  }

  @Post('respite/bookings/:bookingId/attendance')
  @Audited('respite_booking', { param: 'bookingId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES, 'provider')
  @ApiOperation({
    summary: 'Record whether the carer came (once the slot has begun); a no-show has no automatic consequence',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['BOOKING_NOT_ATTENDABLE', 'SLOT_NOT_STARTED'] })
  async recordAttendance(
    @Param('bookingId', new ParseUUIDPipe()) bookingId: string,
    @Body() body: BookingAttendanceDto,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.attendance.record(bookingId, body.outcome));
  }
}
