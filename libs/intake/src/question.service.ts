import { Injectable } from '@nestjs/common';
import { Carer, CarerService, dueAt, Signal, SignalService } from '@app/carers';
import { MunicipalityService, recipientOf } from '@app/identity';
import { MessageService } from '@app/messaging';
import { FieldCipher, noteAuditSubject, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CarerQuestion, QuestionAnswer } from './carer-question.entity';
import { UnknownSocialMapEntryError, UnknownTopicError } from './intake-errors';
import { INTAKE_MESSAGES } from './intake-message-kinds';
import { SocialMapEntry } from './social-map-entry.entity';

export interface AnswerView {
  id: string;
  createdAt: Date;
  text: string;
  socialMapEntries: SocialMapEntry[];
}

export interface QuestionView {
  question: CarerQuestion;
  text: string;
  signal: Signal;
  answers: AnswerView[];
}

/**
 * A carer's own question to the steunpunt. Asking puts it on the caseload as a signal (claim,
 * note, close, due date in working days, escalation as any signal); staff answers reach the carer
 * in the portal, with a mail that says only that there is an answer.
 */
@Injectable()
export class QuestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly signals: SignalService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
    private readonly cipher: FieldCipher,
    private readonly context: RequestContext,
  ) {}

  async askMine(input: { topic: string; text: string }): Promise<QuestionView> {
    return this.ask(await this.carers.mine(), input);
  }

  /** Staff write a question down for a carer (on the phone, at the desk). */
  async askFor(carerId: string, input: { topic: string; text: string }): Promise<QuestionView> {
    return this.ask((await this.carers.get(carerId)).carer, input);
  }

  async mine(): Promise<QuestionView[]> {
    const carer = await this.carers.mine();
    return this.ofCarer(carer.id);
  }

  /** Staff: a carer of this municipality's questions (another municipality's carer is not found). */
  async ofCarerChecked(carerId: string): Promise<QuestionView[]> {
    await this.carers.get(carerId);
    return this.ofCarer(carerId);
  }

  /** A carer's questions, newest first, with their signal and answers. */
  async ofCarer(carerId: string): Promise<QuestionView[]> {
    const questions = await this.dataSource.getRepository(CarerQuestion).find({
      where: { carerId, municipalityId: this.context.municipalityId() },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return this.views(questions);
  }

  async get(id: string): Promise<QuestionView> {
    const question = await this.dataSource
      .getRepository(CarerQuestion)
      .findOneBy({ id, municipalityId: this.context.municipalityId() });
    if (!question) throw new NotFoundError({ nl: 'De vraag', en: 'The question' });
    return (await this.views([question]))[0];
  }

  /** A carer's own question, or not found (another carer's question is never shown). */
  async getMine(id: string): Promise<QuestionView> {
    const carer = await this.carers.mine();
    const view = await this.get(id);
    if (view.question.carerId !== carer.id) throw new NotFoundError({ nl: 'De vraag', en: 'The question' });
    return view;
  }

  /** Staff answer; the first answer counts as first contact. The carer gets a mail without the answer's text. */
  async answer(id: string, input: { text: string; socialMapEntryIds?: string[] }): Promise<AnswerView> {
    const { question, signal } = await this.get(id);
    const entryIds = [...new Set(input.socialMapEntryIds ?? [])];
    const entries = entryIds.length
      ? await this.dataSource
          .getRepository(SocialMapEntry)
          .findBy({ id: In(entryIds), municipalityId: this.context.municipalityId() })
      : [];
    if (entries.length !== entryIds.length) throw new UnknownSocialMapEntryError();
    const { account } = await this.carers.get(question.carerId);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(QuestionAnswer);
      const answer = await repository.save(
        repository.create({
          municipalityId: question.municipalityId,
          questionId: question.id,
          authorId: this.context.actor().id,
          textEncrypted: this.cipher.encrypt(input.text),
          socialMapEntryIds: entryIds,
        }),
      );
      await this.signals.noteFirstContact(signal.id, manager);
      await this.messages.queue(manager, {
        recipient: recipientOf(account),
        kind: INTAKE_MESSAGES.questionAnswered,
        params: { questionId: question.id },
        dedupeKey: `question-answered.${answer.id}`,
      });
      return { id: answer.id, createdAt: answer.createdAt, text: input.text, socialMapEntries: entries };
    });
  }

  private async ask(carer: Carer, input: { topic: string; text: string }): Promise<QuestionView> {
    const municipality = await this.municipalities.current();
    if (!municipality.settings.questionTopics.includes(input.topic)) throw new UnknownTopicError();
    return this.dataSource.transaction(async (manager) => {
      const questions = manager.getRepository(CarerQuestion);
      const question = await questions.save(
        questions.create({
          municipalityId: carer.municipalityId,
          carerId: carer.id,
          topic: input.topic,
          textEncrypted: this.cipher.encrypt(input.text),
          askedBy: this.context.actor().id,
        }),
      );
      noteAuditSubject(question.id);
      const signals = manager.getRepository(Signal);
      const signal = await signals.save(
        signals.create({
          municipalityId: carer.municipalityId,
          carerId: carer.id,
          questionId: question.id,
          reason: 'question',
          status: 'open',
          dueAt: dueAt(new Date(), municipality.settings.signalDueWorkingDays, municipality.timezone),
        }),
      );
      return { question, text: input.text, signal, answers: [] };
    });
  }

  private async views(questions: CarerQuestion[]): Promise<QuestionView[]> {
    if (questions.length === 0) return [];
    const ids = questions.map((question) => question.id);
    const [signals, answers] = await Promise.all([
      this.dataSource.getRepository(Signal).findBy({ questionId: In(ids) }),
      this.dataSource
        .getRepository(QuestionAnswer)
        .find({ where: { questionId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    const entryIds = [...new Set(answers.flatMap((answer) => answer.socialMapEntryIds))];
    const entries = entryIds.length
      ? await this.dataSource.getRepository(SocialMapEntry).findBy({ id: In(entryIds) })
      : [];
    const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
    return questions.map((question) => ({
      question,
      // Empty once the carer's data was erased.
      text: question.textEncrypted ? this.cipher.decrypt(question.textEncrypted) : '',
      signal: signals.find((signal) => signal.questionId === question.id)!,
      answers: answers
        .filter((answer) => answer.questionId === question.id)
        .map((answer) => ({
          id: answer.id,
          createdAt: answer.createdAt,
          text: this.cipher.decrypt(answer.textEncrypted),
          socialMapEntries: answer.socialMapEntryIds
            .map((entryId) => entryOf.get(entryId))
            .filter((entry): entry is SocialMapEntry => entry !== undefined),
        })),
    }));
  }
}
