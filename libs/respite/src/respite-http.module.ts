import { Module } from '@nestjs/common';
import { RespiteController } from './respite.controller';
import { RespiteModule } from './respite.module';
import { WaitlistOfferPage } from './waitlist-offer.page';

@Module({ imports: [RespiteModule], controllers: [RespiteController], providers: [WaitlistOfferPage] })
export class RespiteHttpModule {}
