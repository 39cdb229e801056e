import { Module } from '@nestjs/common';
import { CarerController } from './carer.controller';
import { CarersModule } from './carers.module';
import { MeCarerController } from './me-carer.controller';

@Module({ imports: [CarersModule], controllers: [MeCarerController, CarerController], exports: [CarersModule] })
export class CarersHttpModule {}
