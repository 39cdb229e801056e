import { RespiteMonitorFigures } from './respite-monitor-figures';
import { RespitePersonalData } from './respite-personal-data';
import { Module } from '@nestjs/common';
import { CalendarFeedService } from './calendar-feed.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarersModule } from '@app/carers';
import { provideMunicipalityScoped } from '@app/platform';
import { AtHomeBookings } from './at-home-bookings';
import { AttendanceService } from './attendance.service';
import { BookingMessages } from './booking-messages';
import { BookingService } from './booking.service';
import { RespiteCalendarFeed } from './calendar-feed.entity';
import { OfferService } from './offer.service';
import { RespiteBooking, RespiteBudgetUsage } from './respite-booking.entity';
import { RespiteMessageKinds } from './respite-message-kinds';
import { RespiteOffer } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';
import { SlotCancellationService } from './slot-cancellation.service';
import { SlotPlaces } from './slot-places';
import { BookingRepository } from './booking.repository';
import { SlotSearchService } from './slot-search';
import { OfferProvider } from './offer-provider.entity';
import { ProviderScope } from './provider-scope';
import { ProviderService } from './provider.service';
import { RespiteUsageService } from './usage.service';

/** Respite offers, slots and bookings: services for api and worker. */
@Module({
  imports: [
    CarersModule,
    TypeOrmModule.forFeature([
      RespiteOffer,
      RespiteSlot,
      RespiteBooking,
      RespiteBudgetUsage,
      RespiteCalendarFeed,
      OfferProvider,
    ]),
  ],
  providers: [
    CalendarFeedService,
    RespiteMonitorFigures,
    RespitePersonalData,
    provideMunicipalityScoped(RespiteOffer),
    provideMunicipalityScoped(RespiteSlot),
    OfferService,
    SlotSearchService,
    SlotPlaces,
    BookingRepository,
    BookingMessages,
    BookingService,
    SlotCancellationService,
    AttendanceService,
    RespiteUsageService,
    RespiteMessageKinds,
    AtHomeBookings,
    ProviderScope,
    ProviderService,
  ],
  exports: [
    CalendarFeedService,
    RespiteMonitorFigures,
    AtHomeBookings,
    OfferService,
    SlotSearchService,
    BookingService,
    SlotCancellationService,
    AttendanceService,
    RespiteUsageService,
    ProviderService,
  ],
})
export class RespiteModule {}
