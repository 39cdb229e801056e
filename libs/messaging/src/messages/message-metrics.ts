import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Metrics } from '@app/platform';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

/** Failed messages per outcome in /metrics, read from Postgres at scrape time so every API process agrees. */
@Injectable()
export class MessageMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const dataSource = this.dataSource;
    new Gauge({
      name: 'messages_failed',
      help: 'Messages that ended as failed, by outcome (all municipalities)',
      labelNames: ['outcome'],
      registers: [this.metrics.registry],
      async collect() {
        const rows = await dataSource
          .query<Array<{ outcome: string; count: number }>>(
            `SELECT outcome, count(*)::int AS count FROM message WHERE status = 'failed' GROUP BY outcome`,
          )
          .catch(() => null);
        if (!rows) return;
        this.reset();
        for (const row of rows) this.set({ outcome: row.outcome }, row.count);
      },
    });
  }
}
