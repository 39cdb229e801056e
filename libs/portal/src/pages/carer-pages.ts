import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CareRelationshipService,
  CarerRegistrationService,
  CarerService,
  ConsentService,
  ScreeningService,
  SignalService,
  StaffRegistrationDto,
} from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { QuestionService } from '@app/intake';
import { MessageService } from '@app/messaging';
import { BookingService } from '@app/respite';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm, FieldErrors } from '../form';
import { pageCursor } from '../paging';
import { topicOptions, topicText } from '../topic-text';
import { PortalAudit } from '../portal-audit';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { messageLabel } from '../message-labels';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** Staff find a carer, open their record (every look audited), and register a carer on their behalf. */
@Injectable()
export class CarerPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly carers: CarerService,
    private readonly registration: CarerRegistrationService,
    private readonly relationships: CareRelationshipService,
    private readonly screenings: ScreeningService,
    private readonly consents: ConsentService,
    private readonly bookings: BookingService,
    private readonly messages: MessageService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
    private readonly signals: SignalService,
    private readonly questions: QuestionService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/carers', access: 'staff', handle: (call) => this.search(call) },
      { method: 'GET', path: '/carers/new', access: 'staff', handle: async (call) => this.registrationForm(call) },
      { method: 'POST', path: '/carers/new', access: 'staff', handle: (call) => this.register(call) },
      { method: 'GET', path: '/carers/:carerId', access: 'staff', handle: (call) => this.record(call) },
    );
  }

  private async search(call: PortalCall): Promise<PortalResult> {
    const name = (call.query.name ?? '').trim().slice(0, 100);
    const postcode = (call.query.postcode ?? '').replace(/\s/g, '').toUpperCase().slice(0, 6);
    const found =
      name || postcode
        ? await this.carers.search(
            { name: name || undefined, postcode: postcode || undefined },
            { limit: 50, cursor: pageCursor(call.query.cursor) },
          )
        : { items: [], nextCursor: null };
    await this.audit.read(
      'GET /carers',
      'carer',
      found.items.map(({ carer }) => carer.id),
    );
    return {
      view: 'pages/carers.eta',
      title: call.t.carersTitle,
      data: {
        values: { name, postcode: call.query.postcode ?? '' },
        searched: Boolean(name || postcode),
        next: found.nextCursor ? `/carers?${new URLSearchParams({ name, postcode, cursor: found.nextCursor })}` : null,
        items: found.items.map(({ carer }) => ({
          id: carer.id,
          name: `${carer.firstName} ${carer.lastName}`,
          postcode: carer.postcode,
          dateOfBirth: carer.dateOfBirth,
        })),
      },
    };
  }

  private async record(call: PortalCall): Promise<PortalResult> {
    const carerId = call.params.carerId ?? '';
    if (!isUUID(carerId)) return notFoundPage(call);
    const { carer, account } = await this.carers.get(carerId);
    await this.audit.read('GET /carers/:carerId', 'carer', [carer.id]);
    const [municipality, relationships, screenings, consents, bookings, log] = await Promise.all([
      this.municipalities.current(),
      this.relationships.list(carer.id, true),
      this.screenings.history(carer.id),
      this.consents.list(carer.id),
      this.bookings.ofCarer(carer.id),
      this.messages.logOf(account.id, { limit: 10 }),
    ]);
    const signals = (await this.signals.list({ carerId: carer.id }, { limit: 20 })).items;
    if (signals.length > 0)
      await this.audit.read(
        'GET /carers/:carerId',
        'signal',
        signals.map((signal) => signal.id),
      );
    const notes = await Promise.all(signals.map((signal) => this.signals.notesOf(signal.id)));
    const questions = await this.questions.ofCarer(carer.id);
    if (questions.length > 0)
      await this.audit.read(
        'GET /carers/:carerId',
        'carer_question',
        questions.map(({ question }) => question.id),
      );
    const when = (at: Date) => dateTimeText(at, call.lang, municipality.timezone);
    return {
      view: 'pages/carer.eta',
      title: `${carer.firstName} ${carer.lastName}`,
      data: {
        carer: {
          name: `${carer.firstName} ${carer.lastName}`,
          dateOfBirth: carer.dateOfBirth,
          address: `${carer.postcode} ${carer.houseNumber}`,
          email: account.email,
          channel: account.contactChannel,
        },
        relationships: relationships.map(({ relationship, notes }) => ({
          name: relationship.careRecipientName,
          relation: call.t.relations[relationship.relation] ?? relationship.relation,
          hoursPerWeek: relationship.hoursPerWeek,
          ended: relationship.endedAt !== null,
          // Health free text only where the carer's consent allows it (the service returns null otherwise).
          notes,
        })),
        screenings: screenings.map((screening) => ({
          at: when(screening.createdAt),
          score: screening.score,
          burden: screening.burden,
        })),
        consents: consents.map((consent) => ({
          purpose: consent.purpose,
          since: when(consent.createdAt),
          withdrawn: consent.withdrawnAt ? when(consent.withdrawnAt) : null,
        })),
        bookings: bookings.map((booking) => ({ at: when(booking.startsAt), status: booking.status })),
        carerId: carer.id,
        topics: topicOptions(call.t, municipality.settings.questionTopics),
        questions: questions.map(({ question, signal }) => ({
          id: question.id,
          topic: topicText(call.t, question.topic),
          at: when(question.createdAt),
          status: signal.status === 'closed' ? call.t.signalClosedLabel : call.t.signalOpen,
        })),
        signals: signals.map((signal, index) => ({
          due: when(signal.dueAt),
          status:
            signal.status === 'open'
              ? call.t.signalOpen
              : signal.status === 'claimed'
                ? call.t.signalClaimed
                : call.t.signalClosedLabel,
          notes: notes[index].map(({ note, text }) => ({ at: when(note.createdAt), text })),
        })),
        messages: log.items.map((message) => ({
          at: when(message.createdAt),
          kind: messageLabel(message.kind, call.lang),
          status: message.status,
        })),
      },
    };
  }

  private registrationForm(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): PortalResult {
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/carer-new.eta',
      title: call.t.registerCarer,
      status: submitted ? 400 : 200,
      errors,
      data: { values: submitted ? call.form : {}, problem },
    };
  }

  private async register(call: PortalCall): Promise<PortalResult> {
    const { email, guardianName, healthConsent, _csrf, ...fields } = call.form;
    const checked = await checkForm(
      StaffRegistrationDto,
      {
        ...fields,
        email: email?.trim() || undefined,
        contactChannel: email?.trim() ? 'email' : 'post',
        guardianConsent: guardianName?.trim() ? { guardianName: guardianName.trim() } : undefined,
        healthDataConsent: healthConsent === 'yes',
      },
      call.t,
    );
    if (!checked.ok) return this.registrationForm(call, checked.errors);
    try {
      const carer = await this.audit.change('POST /carers/new', 'carer', [], () =>
        this.registration.registerByStaff(checked.value),
      );
      return { redirect: `/carers/${carer.id}`, notice: call.t.carerRegistered };
    } catch (error) {
      return this.registrationForm(call, {}, ruleBroken(error, call.lang));
    }
  }
}
