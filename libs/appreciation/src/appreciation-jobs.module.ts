import { Module } from '@nestjs/common';
import { AppreciationModule } from './appreciation.module';
import { AppreciationProcessor } from './jobs/appreciation.processor';

/** The campaign announcement and voucher reminders (worker only). */
@Module({ imports: [AppreciationModule], providers: [AppreciationProcessor] })
export class AppreciationJobsModule {}
