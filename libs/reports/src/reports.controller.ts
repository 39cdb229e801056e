import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NoPersonalData, Roles } from '@app/platform';
import { FastifyReply } from 'fastify';
import { MonitorQuery, MonitorReportDto } from './dto/monitor.dto';
import { monitorCsv } from './monitor-csv';
import { MonitorReportService } from './monitor-report';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly monitor: MonitorReportService) {}

  @Get('monitor')
  @Roles('admin')
  @NoPersonalData()
  @ApiOperation({ summary: 'The yearly monitor sociaal domein, by wijk and age band; cells under 5 are shown as "<5"' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: MonitorReportDto, description: 'JSON, or CSV with format=csv' })
  async monitorReport(
    @Query() query: MonitorQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MonitorReportDto | string> {
    const report = await this.monitor.report(query.year);
    if (query.format !== 'csv') return report;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header(
      'content-disposition',
      `attachment; filename="monitor-${report.municipality.code}-${report.year}.csv"`,
    );
    return monitorCsv(report);
  }
}
