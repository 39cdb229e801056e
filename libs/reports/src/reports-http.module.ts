import { Module } from '@nestjs/common';
import { ActivitiesModule } from '@app/activities';
import { AppreciationModule } from '@app/appreciation';
import { RespiteModule } from '@app/respite';
import { VolunteersModule } from '@app/volunteers';
import { IntakeModule } from '@app/intake';
import { MonitorReportService } from './monitor-report';
import { ReportsController } from './reports.controller';

@Module({
  imports: [RespiteModule, VolunteersModule, AppreciationModule, ActivitiesModule, IntakeModule],
  controllers: [ReportsController],
  providers: [MonitorReportService],
  exports: [MonitorReportService],
})
export class ReportsHttpModule {}
