import { Injectable } from '@nestjs/common';
import { Account, recipientOf } from '@app/identity';
import { MessageService } from '@app/messaging';
import { FieldCipher, NotFoundError, RequestContext, ValidationFailedError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { FeedbackRequest } from './feedback-request.entity';
import { FEEDBACK_MESSAGE } from './feedback-message-kind';

/** Experiences older than this when first seen are not asked about (a first run does not mail the past). */
const ASK_WITHIN = "interval '14 days'";
/** Fewer answers than this in a row are shown as "<5", without their average. */
const SMALLEST_SHOWN = 5;

export interface FeedbackResult {
  kind: string;
  aboutName: string;
  month: string;
  answers: number | '<5';
  averageScore: number | null;
}

/**
 * The cliëntervaringsonderzoek: after respite took place, volunteer help ended or an activity
 * was attended, the person is asked once for a score from 1 to 5 and, if they like, a few words.
 * Results go to the monitor per offer, activity and month with small numbers hidden; the words
 * only to staff.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: MessageService,
    private readonly cipher: FieldCipher,
    private readonly context: RequestContext,
  ) {}

  /** Asks about every experience of the last two weeks not asked about yet; returns how many were asked. */
  async askDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const asked = await manager.query<Array<{ id: string; account_id: string }>>(
        `WITH experiences AS (
           SELECT b.municipality_id, b.account_id, 'respite_booking' AS subject_type, b.id AS subject_id, o.name AS about_name,
                  (b.starts_at AT TIME ZONE m.timezone)::date AS happened_on
             FROM respite_booking b JOIN respite_slot s ON s.id = b.slot_id JOIN respite_offer o ON o.id = s.offer_id
             JOIN municipality m ON m.id = b.municipality_id
            WHERE (b.status = 'attended' OR (b.status = 'confirmed' AND b.ends_at < now()))
              AND b.ends_at > now() - ${ASK_WITHIN} AND b.account_id IS NOT NULL
           UNION ALL
           SELECT v.municipality_id, c.account_id, 'volunteer_match', v.id, 'volunteer_help',
                  (v.ended_at AT TIME ZONE m.timezone)::date
             FROM volunteer_match v JOIN carer c ON c.id = v.carer_id JOIN municipality m ON m.id = v.municipality_id
            WHERE v.status = 'ended' AND v.answered_at IS NOT NULL AND v.ended_at > now() - ${ASK_WITHIN}
           UNION ALL
           SELECT a.municipality_id, p.account_id, 'activity', a.id, a.title,
                  min((s.starts_at AT TIME ZONE m.timezone)::date)
             FROM activity_attendance t JOIN activity_participant p ON p.id = t.participant_id
             JOIN activity_session s ON s.id = t.session_id JOIN activity a ON a.id = t.activity_id
             JOIN municipality m ON m.id = a.municipality_id
            WHERE t.attended AND s.starts_at > now() - ${ASK_WITHIN}
            GROUP BY a.municipality_id, p.account_id, a.id, a.title),
         asked AS (
           INSERT INTO feedback_request (municipality_id, account_id, subject_type, subject_id, about_name, happened_on)
           SELECT e.* FROM experiences e JOIN account acc ON acc.id = e.account_id AND acc.erased_at IS NULL
           ON CONFLICT (subject_type, subject_id, account_id) DO NOTHING
           RETURNING id, account_id)
         SELECT id::text, account_id::text FROM asked`,
      );
      if (asked.length === 0) return 0;
      const accounts = await manager
        .getRepository(Account)
        .findBy({ id: In([...new Set(asked.map((row) => row.account_id))]) });
      const byId = new Map(accounts.map((account) => [account.id, account]));
      await this.messages.queueMany(
        manager,
        asked
          .filter((row) => byId.has(row.account_id))
          .map((row) => ({
            recipient: recipientOf(byId.get(row.account_id)!),
            kind: FEEDBACK_MESSAGE,
            params: { requestId: row.id },
            dedupeKey: `feedback.${row.id}`,
          })),
      );
      return asked.length;
    });
  }

  /** The signed-in person's questions still open, newest first. */
  pendingMine(): Promise<FeedbackRequest[]> {
    return this.dataSource.getRepository(FeedbackRequest).find({
      where: { accountId: this.context.actor().id, answeredAt: IsNull() },
      order: { happenedOn: 'DESC' },
      take: 50,
    });
  }

  async answerMine(id: string, score: number, text?: string): Promise<FeedbackRequest> {
    const request = await this.dataSource
      .getRepository(FeedbackRequest)
      .findOneBy({ id, accountId: this.context.actor().id });
    if (!request) throw new NotFoundError({ nl: 'De vraag', en: 'The question' });
    return this.answer(request.id, score, text);
  }

  /** Whether a request still waits for its answer (the emailed link's page). */
  async awaits(id: string): Promise<FeedbackRequest | null> {
    return this.dataSource.getRepository(FeedbackRequest).findOneBy({ id, answeredAt: IsNull() });
  }

  /** Answers once: a second answer (a double click, the link and the portal) changes nothing. */
  async answer(id: string, score: number, text?: string): Promise<FeedbackRequest> {
    if (!Number.isInteger(score) || score < 1 || score > 5)
      throw new ValidationFailedError([{ field: 'score', message: 'score must be a whole number from 1 to 5' }]);
    const words = text?.trim() ? text.trim().slice(0, 2000) : null;
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE feedback_request SET score = $2, text_encrypted = $3, answered_at = now(), updated_at = now()
        WHERE id = $1 AND answered_at IS NULL RETURNING id`,
      [id, score, words ? this.cipher.encrypt(words) : null],
    );
    if (rows.length === 0)
      throw new ValidationFailedError([{ field: 'score', message: 'this question was answered already' }]);
    return (await this.dataSource.getRepository(FeedbackRequest).findOneBy({ id }))!;
  }

  /** Per kind, offer or activity, and month of a year: answers and average score; fewer than five hidden. */
  async results(year: number): Promise<FeedbackResult[]> {
    const rows = await this.dataSource.query<
      Array<{ kind: string; about_name: string; month: string; answers: number; average: number | null }>
    >(
      `SELECT subject_type AS kind, about_name, to_char(happened_on, 'YYYY-MM') AS month,
              count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answers, avg(score)::float8 AS average
         FROM feedback_request
        WHERE municipality_id = $1 AND happened_on >= make_date($2, 1, 1) AND happened_on < make_date($2 + 1, 1, 1)
        GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
      [this.context.municipalityId(), year],
    );
    return rows.map((row) => ({
      kind: row.kind,
      aboutName: row.about_name,
      month: row.month,
      answers: row.answers < SMALLEST_SHOWN ? '<5' : row.answers,
      averageScore: row.answers < SMALLEST_SHOWN || row.average === null ? null : Math.round(row.average * 10) / 10,
    }));
  }

  /** The words people wrote, for staff: with what and when, never who. */
  async comments(
    year: number,
  ): Promise<Array<{ id: string; kind: string; aboutName: string; month: string; score: number; text: string }>> {
    const found = await this.dataSource
      .getRepository(FeedbackRequest)
      .createQueryBuilder('request')
      .where('request.municipalityId = :municipalityId', { municipalityId: this.context.municipalityId() })
      .andWhere('request.textEncrypted IS NOT NULL')
      .andWhere('request.happenedOn >= make_date(:year, 1, 1) AND request.happenedOn < make_date(:year + 1, 1, 1)', {
        year,
      })
      .orderBy('request.happenedOn', 'DESC')
      .take(500)
      .getMany();
    return found.map((request) => ({
      id: request.id,
      kind: request.subjectType,
      aboutName: request.aboutName,
      month: request.happenedOn.slice(0, 7),
      score: request.score!,
      text: this.cipher.decrypt(request.textEncrypted!),
    }));
  }
}
