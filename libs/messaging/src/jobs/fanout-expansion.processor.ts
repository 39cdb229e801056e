import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AudienceSources } from '../fanout/audience-sources';
import { Fanout } from '../fanout/fanout.entity';
import { MESSAGE_OUTCOMES } from '../messages/message-outcome';
import { MessageKinds } from '../messages/message-kinds';
import { Outbox } from '../outbox/outbox';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { QUEUES } from '../queues/queues';
import { MAIL_BATCH_SIZE } from './mail-batch.processor';

const PAGE_SIZE = 5000;

/**
 * Expands a fan-out page by page: each page's messages, their delivery jobs (a batch of
 * messages each) and the cursor commit together. A restarted expansion continues after the cursor, and the
 * unique dedupe key (fan-out or its dedupe scope, person) keeps it at one message per person
 * regardless. The kind's onFanoutPage hook records what the messages stand for in the same
 * transaction.
 */
@Processor(QUEUES.fanout, { concurrency: 2, lockDuration: 15_000, stalledInterval: 5_000 })
export class FanoutExpansionProcessor extends QueueProcessor<'fanout'> {
  protected readonly handlers: JobHandlers<'fanout'> = { expand: ({ fanoutId }, job) => this.expand(fanoutId, job) };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: AudienceSources,
    private readonly kinds: MessageKinds,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  private async expand(fanoutId: string, job: Job): Promise<{ expanded: number }> {
    const fanouts = this.dataSource.getRepository(Fanout);
    const fanout = await fanouts.findOneBy({ id: fanoutId });
    if (!fanout || fanout.expandedAt) return { expanded: 0 };
    const source = this.sources.get(fanout.audience.source);
    const kind = this.kinds.get(fanout.kind);
    const scope = fanout.dedupeScope ?? `fanout:${fanout.id}`;
    if (fanout.total === null) {
      fanout.total = await source.count(fanout.municipalityId, fanout.audience.filter, fanout.dedupeScope);
      await fanouts.update(fanout.id, { total: fanout.total });
    }

    let cursor = fanout.cursor;
    let expanded = 0;
    for (;;) {
      const page = source.pageQuery(
        fanout.municipalityId,
        fanout.audience.filter,
        cursor,
        PAGE_SIZE,
        fanout.dedupeScope,
      );
      const done = await this.dataSource.transaction(async (manager) => {
        const [written] = await manager.query<WrittenPage[]>(writePageSql(page.sql, page.parameters.length), [
          ...page.parameters,
          fanout.municipalityId,
          fanout.kind,
          kind.category,
          fanout.id,
          scope,
          MESSAGE_OUTCOMES.skippedOptedOut,
        ]);
        if (written.size === 0) return true;
        const messaged = written.messages.map((row) => ({ messageId: row.id, accountId: row.accountId }));
        const ids = written.messages.filter((row) => row.status === 'queued').map((row) => row.id);
        if (messaged.length > 0 && kind.onFanoutPage) await kind.onFanoutPage(manager, fanout, messaged);
        // Delivered in batches: one job, one read and one recipients read for many messages.
        const batches: string[][] = [];
        for (let start = 0; start < ids.length; start += MAIL_BATCH_SIZE)
          batches.push(ids.slice(start, start + MAIL_BATCH_SIZE));
        await this.outbox.addMany(
          manager,
          batches.map((messageIds) => ({
            queue: QUEUES.mailBatch,
            name: 'deliver-batch' as const,
            jobId: `batch.${messageIds[0]}`,
            payload: { messageIds },
          })),
        );
        cursor = written.cursor;
        await manager.getRepository(Fanout).update(fanout.id, { cursor });
        expanded += written.size;
        return false;
      });
      if (done) break;
      await job.updateProgress({ expanded });
    }
    // The audience may have changed while it was expanded; the messages written are the truth.
    await this.dataSource.query(
      `UPDATE fanout SET total = (SELECT count(*) FROM message WHERE fanout_id = $1), expanded_at = now(), updated_at = now() WHERE id = $1`,
      [fanout.id],
    );
    return { expanded };
  }
}

interface WrittenPage {
  /** People on the page, written now or before. */
  size: number;
  /** The page's last account id: the next page starts after it. */
  cursor: string;
  /** The messages written now (a person messaged before in the scope is left out). */
  messages: Array<{ id: string; accountId: string; status: string }>;
}

/**
 * One statement per page: the audience's page is read and its messages written in Postgres. The
 * first state is firstState()'s (mail queued, post a letter) plus what only a fan-out knows: a
 * campaign letter to someone who opted out of campaigns is skipped. The dedupe key is
 * `<scope>:<account id>`, as notMessagedInScope() looks it up. Parameters after the audience's:
 * municipality, kind, category, fan-out, dedupe scope, the opted-out outcome.
 */
function writePageSql(audienceSql: string, audienceParameters: number): string {
  const [municipality, kind, category, fanout, scope, optedOut] = [1, 2, 3, 4, 5, 6].map(
    (n) => `$${audienceParameters + n}`,
  );
  const optedOutOnPaper = `page.contact_channel = 'post' AND ${category} = 'campaign' AND page.campaign_opt_out_at IS NOT NULL`;
  return `WITH page AS (${audienceSql}),
    written AS (
      INSERT INTO message (municipality_id, account_id, kind, category, channel, to_address, language, params,
                           fanout_id, dedupe_key, status, outcome)
      SELECT ${municipality}::uuid, page.account_id, ${kind}, ${category}, page.contact_channel, page.email, page.language,
             '{}'::jsonb, ${fanout}::uuid, ${scope} || ':' || page.account_id::text,
             CASE WHEN page.contact_channel <> 'post' THEN 'queued' WHEN ${optedOutOnPaper} THEN 'skipped' ELSE 'to_print' END,
             CASE WHEN ${optedOutOnPaper} THEN ${optedOut} END
        FROM page
      ON CONFLICT DO NOTHING
      RETURNING id, account_id, status)
    SELECT (SELECT count(*)::int FROM page) AS size,
           (SELECT account_id::text FROM page ORDER BY account_id DESC LIMIT 1) AS cursor,
           COALESCE((SELECT json_agg(json_build_object('id', id, 'accountId', account_id, 'status', status)) FROM written),
                    '[]'::json) AS messages`;
}
