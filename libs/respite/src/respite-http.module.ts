import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { RespiteBookingsController } from './respite-bookings.controller';
import { RespiteOffersController } from './respite-offers.controller';
import { RespiteModule } from './respite.module';
import { ProviderController } from './provider.controller';
import { WaitlistOfferPage } from './waitlist-offer.page';

/** Respite routes and the waiting-list offer page (api only). */
@Module({
  imports: [RespiteModule],
  controllers: [RespiteOffersController, RespiteBookingsController, CalendarFeedController, ProviderController],
  providers: [WaitlistOfferPage],
})
export class RespiteHttpModule {}
