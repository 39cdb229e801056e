import { Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens, MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { describeWeeklySlot } from './availability';
import { HelpKind, HelpRequest } from './help-request.entity';
import { VolunteerMatch } from './volunteer-match.entity';
import { Volunteer } from './volunteer.entity';

export const VOLUNTEER_MESSAGES = {
  matchProposed: 'volunteer_match_proposed',
  matchAccepted: 'volunteer_match_accepted',
  vogExpiring: 'volunteer_vog_expiring',
  trainingLapsing: 'volunteer_training_lapsing',
  expiryDigest: 'volunteer_expiry_digest',
  weeksUnbooked: 'volunteer_weeks_unbooked',
  matchEnded: 'volunteer_match_ended',
} as const;

export const MATCH_ACCEPT_PURPOSE = 'match-accept';
export const MATCH_DECLINE_PURPOSE = 'match-decline';
const ANSWER_LINK_SECONDS = 14 * 86_400;

const KIND_TEXT: Record<HelpKind, { nl: string; en: string }> = {
  respite_at_home: {
    nl: 'oppassen thuis, zodat de mantelzorger even vrij is',
    en: 'sitting at home so the carer has time off',
  },
  company: { nl: 'gezelschap', en: 'company' },
  transport: { nl: 'vervoer', en: 'transport' },
  practical_help: { nl: 'praktische hulp', en: 'practical help' },
};

/** The proposal to a volunteer (with accept and decline links) and the news to the carer. */
@Injectable()
export class VolunteerMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.matchProposed,
      category: 'transactional',
      render: (input) => this.proposed(input),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.matchAccepted,
      category: 'transactional',
      render: (input) => this.accepted(input),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.vogExpiring,
      category: 'transactional',
      render: async (input) => this.expiring(input, 'vog'),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.trainingLapsing,
      category: 'transactional',
      render: async (input) => this.expiring(input, 'training'),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.weeksUnbooked,
      category: 'transactional',
      render: async (input) => this.unbooked(input),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.matchEnded,
      category: 'transactional',
      render: async (input) => this.ended(input),
    });
    this.kinds.register({
      kind: VOLUNTEER_MESSAGES.expiryDigest,
      category: 'transactional',
      render: async (input) => this.digest(input),
    });
  }

  private expiring(input: RenderInput, what: 'vog' | 'training'): RenderedMail {
    const on = String(input.params.on);
    const en = input.language === 'en';
    const text = {
      vog: en
        ? {
            subject: 'Your VOG needs renewing',
            body: `Your certificate of conduct (VOG) stops counting on ${on}. Please apply for a new one in time, so you can keep helping.`,
          }
        : {
            subject: 'Uw VOG moet vernieuwd worden',
            body: `Uw verklaring omtrent het gedrag (VOG) telt tot ${on}. Vraag op tijd een nieuwe aan, dan kunt u blijven helpen.`,
          },
      training: en
        ? {
            subject: 'Your training is about to lapse',
            body: `A training of yours lapses on ${on}. The carer support point can tell you about a refresher.`,
          }
        : {
            subject: 'Uw training verloopt binnenkort',
            body: `Een training van u verloopt op ${on}. Het steunpunt vertelt u graag over een opfriscursus.`,
          },
    }[what];
    return renderLinkMessage(input.language, {
      subject: text.subject,
      paragraphs: [text.body],
      footer: input.senderName,
    });
  }

  /** To the volunteer: the acceptance stands, but these dates are not booked for the carer. */
  private unbooked(input: RenderInput): RenderedMail {
    const en = input.language === 'en';
    const dates = (input.params.dates as Array<{ date: string; dagdeel: string; reason: string }>).map(
      (item) =>
        `${item.date} ${item.dagdeel}: ${
          item.reason === 'budget'
            ? en
              ? "the carer's respite budget is used up"
              : 'het respijtbudget van de mantelzorger is op'
            : en
              ? 'the carer already has respite then'
              : 'de mantelzorger heeft dan al respijtzorg'
        }`,
    );
    return renderLinkMessage(input.language, {
      subject: en ? 'Some dates are not booked' : 'Niet alle data zijn geboekt',
      paragraphs: [
        en
          ? 'Thank you for helping. These dates could not be booked for the carer; the support point will discuss them with you:'
          : 'Dank u dat u helpt. Deze data konden niet voor de mantelzorger worden geboekt; het steunpunt overlegt met u:',
        ...dates,
      ],
      footer: input.senderName,
    });
  }

  /** To the carer: the match ended, and which of its coming visits are cancelled. */
  private ended(input: RenderInput): RenderedMail {
    const en = input.language === 'en';
    const cancelled = (input.params.cancelled as string[]) ?? [];
    const when = (iso: string) =>
      new Intl.DateTimeFormat(en ? 'en-GB' : 'nl-NL', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: typeof input.params.timezone === 'string' ? input.params.timezone : 'Europe/Amsterdam',
      }).format(new Date(iso));
    return renderLinkMessage(input.language, {
      subject: en ? 'The volunteer help has ended' : 'De hulp van de vrijwilliger is gestopt',
      paragraphs: [
        en
          ? 'The support point ended the help by your volunteer. The support point will contact you about what comes next.'
          : 'Het steunpunt heeft de hulp door uw vrijwilliger beëindigd. Het steunpunt neemt contact met u op over hoe het verder gaat.',
        ...(cancelled.length > 0
          ? [
              en ? 'These visits no longer take place:' : 'Deze bezoeken gaan niet meer door:',
              ...cancelled.map(when),
              en ? 'Your respite budget for them is given back.' : 'Het respijtbudget daarvoor krijgt u terug.',
            ]
          : []),
      ],
      footer: input.senderName,
    });
  }

  private digest(input: RenderInput): RenderedMail {
    const items = input.params.items as Array<{ name: string; what: 'vog' | 'training'; on: string }>;
    const en = input.language === 'en';
    const label = (what: 'vog' | 'training') => (what === 'vog' ? 'VOG' : en ? 'training' : 'training');
    return renderLinkMessage(input.language, {
      subject: en
        ? `${items.length} volunteer certificates or trainings expire soon`
        : `${items.length} VOG's of trainingen van vrijwilligers verlopen binnenkort`,
      paragraphs: items.map((item) => `${item.name}: ${label(item.what)} ${en ? 'until' : 'tot'} ${item.on}`),
      footer: input.senderName,
    });
  }

  private async details(matchId: string) {
    const match = await this.dataSource.getRepository(VolunteerMatch).findOneByOrFail({ id: matchId });
    const request = await this.dataSource.getRepository(HelpRequest).findOneByOrFail({ id: match.helpRequestId });
    const volunteer = await this.dataSource.getRepository(Volunteer).findOneByOrFail({ id: match.volunteerId });
    return { match, request, volunteer };
  }

  private when(request: HelpRequest, language: 'nl' | 'en'): string {
    const dates = request.wantedDates.map((wanted) => `${wanted.date} (${wanted.dagdeel})`);
    const weekly =
      request.weeklyPattern.length > 0
        ? [
            `${language === 'en' ? 'every week on' : 'elke week op'} ${request.weeklyPattern
              .map((key) => describeWeeklySlot(key, language))
              .join(', ')}`,
          ]
        : [];
    return [...dates, ...weekly].join('; ');
  }

  private async proposed(input: RenderInput): Promise<RenderedMail> {
    const { match, request } = await this.details(String(input.params.matchId));
    const accept = input.link(
      MATCH_ACCEPT_PURPOSE,
      this.tokens.sign(MATCH_ACCEPT_PURPOSE, match.id, ANSWER_LINK_SECONDS),
    );
    const decline = input.link(
      MATCH_DECLINE_PURPOSE,
      this.tokens.sign(MATCH_DECLINE_PURPOSE, match.id, ANSWER_LINK_SECONDS),
    );
    const en = input.language === 'en';
    return renderLinkMessage(input.language, {
      subject: en ? 'Can you help a carer?' : 'Kunt u een mantelzorger helpen?',
      paragraphs: en
        ? [
            `The carer support point asks whether you can help with ${KIND_TEXT[request.kind].en}.`,
            `When: ${this.when(request, 'en')}.`,
          ]
        : [
            `Het steunpunt vraagt of u kunt helpen met ${KIND_TEXT[request.kind].nl}.`,
            `Wanneer: ${this.when(request, 'nl')}.`,
          ],
      action: en ? 'Yes, I will help' : 'Ja, ik help',
      link: accept,
      // Declining comes after accepting: the button is what most will press.
      closing: [en ? `Not possible? Let us know: ${decline}` : `Lukt het niet? Laat het ons weten: ${decline}`],
      footer: input.senderName,
    });
  }

  private async accepted(input: RenderInput): Promise<RenderedMail> {
    const { request, volunteer } = await this.details(String(input.params.matchId));
    const en = input.language === 'en';
    return renderLinkMessage(input.language, {
      subject: en ? 'A volunteer will help you' : 'Een vrijwilliger helpt u',
      paragraphs: en
        ? [
            `${volunteer.firstName} will help you with ${KIND_TEXT[request.kind].en}.`,
            `When: ${this.when(request, 'en')}.`,
            'The carer support point will put you in touch.',
          ]
        : [
            `${volunteer.firstName} helpt u met ${KIND_TEXT[request.kind].nl}.`,
            `Wanneer: ${this.when(request, 'nl')}.`,
            'Het steunpunt brengt u met elkaar in contact.',
          ],
      footer: input.senderName,
    });
  }
}
