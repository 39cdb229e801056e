import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarersModule } from '@app/carers';
import { provideMunicipalityScoped } from '@app/platform';
import { BookingService } from './booking.service';
import { OfferService } from './offer.service';
import { RespiteBooking, RespiteBudgetUsage } from './respite-booking.entity';
import { RespiteMessageKinds } from './respite-message-kinds';
import { RespiteOffer } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';
import { SlotSearchService } from './slot-search';

/** Respite offers, slots and bookings: services for api and worker. */
@Module({
  imports: [CarersModule, TypeOrmModule.forFeature([RespiteOffer, RespiteSlot, RespiteBooking, RespiteBudgetUsage])],
  providers: [provideMunicipalityScoped(RespiteOffer), provideMunicipalityScoped(RespiteSlot), OfferService, SlotSearchService, BookingService, RespiteMessageKinds],
  exports: [OfferService, SlotSearchService, BookingService],
})
export class RespiteModule {}
