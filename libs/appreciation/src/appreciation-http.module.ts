import { Module } from '@nestjs/common';
import { AppreciationController } from './appreciation.controller';
import { AppreciationModule } from './appreciation.module';

/** Appreciation routes (api only). */
@Module({ imports: [AppreciationModule], controllers: [AppreciationController] })
export class AppreciationHttpModule {}
