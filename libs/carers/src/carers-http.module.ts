import { Module } from '@nestjs/common';
import { CarerController } from './carer.controller';
import { CarersModule } from './carers.module';
import { MeCarerController } from './me-carer.controller';
import { ReconfirmPage } from './reconfirm.page';
import { ScreeningController } from './screening.controller';

@Module({
  imports: [CarersModule],
  controllers: [MeCarerController, CarerController, ScreeningController],
  providers: [ReconfirmPage],
  exports: [CarersModule],
})
export class CarersHttpModule {}
