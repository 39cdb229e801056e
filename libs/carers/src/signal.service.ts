import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  FieldCipher,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  RequestContext,
} from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Signal, SignalNote, SignalStatus } from './signal.entity';

export interface SignalFilter {
  status?: SignalStatus;
  overdue?: boolean;
  carerId?: string;
}

/** Staff follow-up of signals: list, claim, note, close. */
@Injectable()
export class SignalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(Signal) private readonly signals: MunicipalityScopedRepository<Signal>,
    @InjectMunicipalityScoped(SignalNote) private readonly notes: MunicipalityScopedRepository<SignalNote>,
    private readonly cipher: FieldCipher,
    private readonly context: RequestContext,
  ) {}

  list(filter: SignalFilter, page: PageQuery): Promise<Page<Signal>> {
    const query = this.signals.query('signal');
    if (filter.status) query.andWhere('signal.status = :status', { status: filter.status });
    if (filter.carerId) query.andWhere('signal.carerId = :carerId', { carerId: filter.carerId });
    if (filter.overdue === true) query.andWhere(`signal.status <> 'closed' AND signal.dueAt < now()`);
    if (filter.overdue === false) query.andWhere(`(signal.status = 'closed' OR signal.dueAt >= now())`);
    return paginate(query, page);
  }

  /**
   * The open caseload: signals not closed, the earliest due (so the overdue) first, with the
   * person's name (of the carer, or as the referral gave it) and a question's topic.
   */
  async caseload(limit = 100): Promise<Array<{ signal: Signal; carerName: string; topic: string | null }>> {
    const signals = await this.signals
      .query('signal')
      .andWhere(`signal.status <> 'closed'`)
      .orderBy('signal.dueAt', 'ASC')
      .take(limit)
      .getMany();
    if (signals.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ id: string; name: string; topic: string | null }>>(
      `SELECT s.id, COALESCE(c.first_name || ' ' || c.last_name, r.first_name || ' ' || r.last_name, '') AS name, q.topic
         FROM signal s
         LEFT JOIN carer c ON c.id = s.carer_id
         LEFT JOIN referral r ON r.id = s.referral_id
         LEFT JOIN carer_question q ON q.id = s.question_id
        WHERE s.id = ANY($1) AND s.municipality_id = $2`,
      [signals.map((signal) => signal.id), this.context.municipalityId()],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return signals.map((signal) => ({
      signal,
      carerName: byId.get(signal.id)?.name ?? '',
      topic: byId.get(signal.id)?.topic ?? null,
    }));
  }

  /** Marks the first contact with the person (a claim, or an answer to their question), once. */
  async noteFirstContact(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE signal SET first_contact_at = now() WHERE id = $1 AND municipality_id = $2 AND first_contact_at IS NULL',
      [id, this.context.municipalityId()],
    );
  }

  async get(id: string): Promise<Signal> {
    const signal = await this.signals.findOne({ id });
    if (!signal) throw new NotFoundError({ nl: 'Het signaal', en: 'The signal' });
    return signal;
  }

  /** Takes an open signal; two staff members pressing at once: one gets it, the other 409. */
  async claim(id: string): Promise<Signal> {
    await this.get(id);
    const changed = await this.signals.update(
      { id, status: 'open' },
      { status: 'claimed', claimedBy: this.context.actor().id, claimedAt: new Date() },
    );
    if (changed > 0) await this.noteFirstContact(id);
    if (changed === 0)
      throw new ConflictError('SIGNAL_NOT_OPEN', {
        nl: 'Dit signaal is al opgepakt of gesloten.',
        en: 'This signal was already claimed or closed.',
      });
    return this.get(id);
  }

  async addNote(id: string, text: string): Promise<SignalNote> {
    await this.get(id);
    return this.notes.save(
      this.notes.create({ signalId: id, authorId: this.context.actor().id, textEncrypted: this.cipher.encrypt(text) }),
    );
  }

  async notesOf(id: string): Promise<Array<{ note: SignalNote; text: string }>> {
    await this.get(id);
    const found = await this.notes.find({ where: { signalId: id }, order: { createdAt: 'ASC' } });
    return found.map((note) => ({ note, text: this.cipher.decrypt(note.textEncrypted) }));
  }

  async close(id: string, note?: string): Promise<Signal> {
    return this.dataSource.transaction(async (manager) => {
      const signal = await this.signals.findOne({ id }, manager);
      if (!signal) throw new NotFoundError({ nl: 'Het signaal', en: 'The signal' });
      if (signal.status === 'closed') return signal;
      if (note)
        await this.notes.save(
          this.notes.create({
            signalId: id,
            authorId: this.context.actor().id,
            textEncrypted: this.cipher.encrypt(note),
          }),
          manager,
        );
      signal.status = 'closed';
      signal.closedAt = new Date();
      return this.signals.save(signal, manager);
    });
  }
}
