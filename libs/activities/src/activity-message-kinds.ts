import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerDirectory } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { entitiesFromRows, ExpiringCache } from '@app/platform';
import {
  calendarFile,
  CalendarEvent,
  Language,
  LinkTokens,
  MessageKinds,
  renderLinkMessage,
  RenderedMail,
  RenderInput,
} from '@app/messaging';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { Activity, ActivitySession } from './activity.entity';
import { ActivityInvitation, ActivityParticipant } from './participant.entity';
import { RESIDENT_WITHDRAW_PURPOSE } from './resident-message-kinds';

export const ACTIVITY_MESSAGES = {
  invitation: 'activity_invitation',
  answerConfirmed: 'activity_answer_confirmed',
  placeOffered: 'activity_place_offered',
  reminder: 'activity_reminder',
  sessionChanged: 'activity_session_changed',
} as const;

export const RSVP_PURPOSE = 'activity-rsvp';
export const PLACE_OFFER_PURPOSE = 'activity-place';
const DAY_SECONDS = 24 * 3600;

/** The mail of activities: invitations with an RSVP link, confirmations, held places, reminders and schedule changes. */
@Injectable()
export class ActivityMessageKinds implements OnModuleInit {
  /** Invitations by message, read a batch at a time (preload); room for the batches in flight. */
  private readonly invitationOfMessage = new ExpiringCache<ActivityInvitation>(60_000, 1_000);
  /** With the invitation's "when" lines per language, formatted once per activity, not per message. */
  private readonly invitedTo = new ExpiringCache<{
    activity: Activity;
    sessions: ActivitySession[];
    timezone: string;
    whenLines: Partial<Record<Language, string[]>>;
  }>(5_000);

  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
    private readonly municipalities: MunicipalityService,
    private readonly carers: CarerDirectory,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: ACTIVITY_MESSAGES.invitation,
      category: 'campaign',
      render: (input) => this.invitation(input),
      onFanoutPage: (manager, fanout, messaged) => this.recordInvitations(manager, fanout, messaged),
      preload: (messageIds) => this.preloadInvitations(messageIds),
    });
    this.kinds.register({
      kind: ACTIVITY_MESSAGES.answerConfirmed,
      category: 'transactional',
      // Residents without an account get these too, at the address they confirmed.
      addressOnly: true,
      render: (input) => this.answerConfirmed(input),
    });
    this.kinds.register({
      kind: ACTIVITY_MESSAGES.placeOffered,
      category: 'transactional',
      // Residents without an account get these too, at the address they confirmed.
      addressOnly: true,
      render: (input) => this.placeOffered(input),
    });
    this.kinds.register({
      kind: ACTIVITY_MESSAGES.reminder,
      category: 'transactional',
      // Residents without an account get these too, at the address they confirmed.
      addressOnly: true,
      render: (input) => this.reminder(input),
    });
    this.kinds.register({
      kind: ACTIVITY_MESSAGES.sessionChanged,
      category: 'transactional',
      // Residents without an account get these too, at the address they confirmed.
      addressOnly: true,
      render: (input) => this.sessionChanged(input),
    });
  }

  /** Each invitation is a row beside its message, in the fan-out page's transaction: one per person per activity. */
  private async recordInvitations(
    manager: EntityManager,
    fanout: { id: string; municipalityId: string; params: object },
    messaged: Array<{ messageId: string; accountId: string }>,
  ): Promise<void> {
    const activityId = String((fanout.params as { activityId?: string }).activityId);
    const profiles = await this.carers.profiles(
      fanout.municipalityId,
      messaged.map((row) => row.accountId),
      manager,
    );
    // One statement for the page, thousands of rows: plain SQL over arrays, not a built VALUES list.
    await manager.query(
      `INSERT INTO activity_invitation (municipality_id, activity_id, fanout_id, account_id, message_id, wijk_id)
       SELECT $1, $2, $3, invited.account_id, invited.message_id, invited.wijk_id
         FROM unnest($4::uuid[], $5::uuid[], $6::uuid[]) AS invited(account_id, message_id, wijk_id)
       ON CONFLICT DO NOTHING`,
      [
        fanout.municipalityId,
        activityId,
        fanout.id,
        messaged.map((row) => row.accountId),
        messaged.map((row) => row.messageId),
        messaged.map((row) => profiles.get(row.accountId)?.wijkId ?? null),
      ],
    );
  }

  /** A batch's invitations in one read; what render finds here it does not read again. */
  private async preloadInvitations(messageIds: string[]): Promise<void> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      'SELECT * FROM activity_invitation WHERE message_id = ANY($1::uuid[])',
      [messageIds],
    );
    for (const invitation of entitiesFromRows(this.dataSource.manager, ActivityInvitation, rows))
      void this.invitationOfMessage.get(invitation.messageId, () => Promise.resolve(invitation));
  }

  private async invitation(input: RenderInput): Promise<RenderedMail> {
    const invitation = await this.invitationOfMessage.get(input.messageId, () =>
      this.dataSource.getRepository(ActivityInvitation).findOneByOrFail({ messageId: input.messageId }),
    );
    // Every invitation of a fan-out shows the same activity: read once per few seconds, not per message.
    const invited = await this.invitedTo.get(invitation.activityId, async () => ({
      ...(await this.activity(invitation.activityId)),
      whenLines: {},
    }));
    const { activity, sessions, timezone } = invited;
    const en = input.language === 'en';
    const whenLines = (invited.whenLines[input.language] ??= sessions
      .slice(0, 3)
      .map((session) => `${en ? 'When' : 'Wanneer'}: ${when(session, timezone, input.language)}`));
    const last = sessions[sessions.length - 1];
    const lifetime = Math.max(
      DAY_SECONDS,
      Math.ceil(((last?.endsAt.getTime() ?? Date.now()) - Date.now()) / 1000) + DAY_SECONDS,
    );
    const link = input.link('rsvp', this.tokens.sign(RSVP_PURPOSE, invitation.id, lifetime));
    const companions =
      activity.maxCompanions > 0
        ? en
          ? ` You may bring ${activity.maxCompanions} companion(s).`
          : ` U mag ${activity.maxCompanions} introducé(s) meenemen.`
        : '';
    return renderLinkMessage(input.language, {
      subject: en ? `Invitation: ${activity.title}` : `Uitnodiging: ${activity.title}`,
      paragraphs: [
        en ? `You are warmly invited to ${activity.title}.` : `U bent van harte uitgenodigd voor ${activity.title}.`,
        ...whenLines,
        ...(activity.location ? [`${en ? 'Where' : 'Waar'}: ${activity.location}`] : []),
        ...(activity.description ? [activity.description] : []),
        (en ? 'Please let us know whether you will come.' : 'Laat u weten of u komt?') + companions,
      ],
      action: en ? 'Reply to the invitation' : 'Geef antwoord',
      link,
      footer: `${input.senderName}. ${en ? 'Unsubscribe from invitations' : 'Afmelden voor uitnodigingen'}: ${input.unsubscribeLink}`,
    });
  }

  private async answerConfirmed(input: RenderInput): Promise<RenderedMail> {
    const participant = await this.dataSource
      .getRepository(ActivityParticipant)
      .findOneByOrFail({ id: String(input.params.participantId) });
    const { activity, sessions, timezone } = await this.activity(participant.activityId);
    const en = input.language === 'en';
    const attending = input.params.status === 'attending';
    const companions = Number(input.params.companions ?? 0);
    const upcoming = sessions.filter((session) => session.startsAt > new Date());
    // A resident has no account to withdraw from; their confirmation carries the link instead.
    const withdraw = participant.accountId ? null : this.withdrawLink(input, participant.id, sessions);
    const rendered = renderLinkMessage(input.language, {
      subject: attending
        ? en
          ? `You are registered: ${activity.title}`
          : `U bent aangemeld: ${activity.title}`
        : en
          ? `Waiting list: ${activity.title}`
          : `Wachtlijst: ${activity.title}`,
      paragraphs: attending
        ? [
            en
              ? `Thank you for your answer. You are registered${companions > 0 ? ` with ${companions} companion(s)` : ''}.`
              : `Dank u voor uw antwoord. U bent aangemeld${companions > 0 ? ` met ${companions} introducé(s)` : ''}.`,
            ...upcoming
              .slice(0, 5)
              .map((session) => `${en ? 'When' : 'Wanneer'}: ${when(session, timezone, input.language)}`),
            ...(activity.location ? [`${en ? 'Where' : 'Waar'}: ${activity.location}`] : []),
            en
              ? 'The dates are attached for your calendar.'
              : 'De data zitten als bijlage bij deze mail, voor uw agenda.',
            ...(withdraw
              ? [en ? 'Cannot come after all? Withdraw with the button.' : 'Kunt u toch niet? Meld u af met de knop.']
              : []),
          ]
        : [
            en
              ? 'It is full at the moment, so you are on the waiting list.'
              : 'Het is op dit moment vol, daarom staat u op de wachtlijst.',
            en
              ? 'If a place comes free, we will email you at once.'
              : 'Komt er een plaats vrij, dan mailen we u meteen.',
          ],
      ...(withdraw ? { action: en ? 'Withdraw' : 'Afmelden', link: withdraw } : {}),
      footer: input.senderName,
    });
    return attending
      ? { ...rendered, attachments: [this.ics(activity, upcoming, timezone, input.language)] }
      : rendered;
  }

  /** Valid until a day after the last session, so it works whenever the resident decides. */
  private withdrawLink(input: RenderInput, participantId: string, sessions: ActivitySession[]): string {
    const last = Math.max(Date.now(), ...sessions.map((session) => session.endsAt.getTime()));
    const lifetime = Math.ceil((last - Date.now()) / 1000) + DAY_SECONDS;
    return input.link('activity-withdraw', this.tokens.sign(RESIDENT_WITHDRAW_PURPOSE, participantId, lifetime));
  }

  private async placeOffered(input: RenderInput): Promise<RenderedMail> {
    const participant = await this.dataSource
      .getRepository(ActivityParticipant)
      .findOneByOrFail({ id: String(input.params.participantId) });
    const { activity, timezone } = await this.activity(participant.activityId);
    const en = input.language === 'en';
    const expires = participant.offerExpiresAt ?? new Date();
    const until = DateTime.fromJSDate(expires)
      .setZone(timezone)
      .setLocale(en ? 'en-GB' : 'nl')
      .toFormat('cccc d MMMM, HH:mm');
    const lifetime = Math.max(3600, Math.ceil((expires.getTime() - Date.now()) / 1000) + 3600);
    return renderLinkMessage(input.language, {
      subject: en ? `A place has come free: ${activity.title}` : `Er is een plaats vrij: ${activity.title}`,
      paragraphs: en
        ? [
            `A place has come free for you at ${activity.title}.`,
            `We keep it for you until ${until}. Press the button to take it.`,
          ]
        : [
            `Er is een plaats voor u vrijgekomen bij ${activity.title}.`,
            `We houden hem voor u vast tot ${until}. Druk op de knop om hem aan te nemen.`,
          ],
      action: en ? 'Take the place' : 'Plaats aannemen',
      link: input.link('activity-place', this.tokens.sign(PLACE_OFFER_PURPOSE, participant.id, lifetime)),
      footer: input.senderName,
    });
  }

  private async reminder(input: RenderInput): Promise<RenderedMail> {
    const session = await this.dataSource
      .getRepository(ActivitySession)
      .findOneByOrFail({ id: String(input.params.sessionId) });
    const { activity, timezone } = await this.activity(session.activityId);
    const en = input.language === 'en';
    const rendered = renderLinkMessage(input.language, {
      subject: en ? `Reminder: ${activity.title}` : `Herinnering: ${activity.title}`,
      paragraphs: [
        en ? `A reminder: ${activity.title} is coming up.` : `Een herinnering: ${activity.title} komt eraan.`,
        `${en ? 'When' : 'Wanneer'}: ${when(session, timezone, input.language)}`,
        ...(activity.location ? [`${en ? 'Where' : 'Waar'}: ${activity.location}`] : []),
        en ? 'Cannot come after all? Please let us know.' : 'Kunt u toch niet? Laat het ons weten.',
      ],
      footer: input.senderName,
    });
    return { ...rendered, attachments: [this.ics(activity, [session], timezone, input.language)] };
  }

  private async sessionChanged(input: RenderInput): Promise<RenderedMail> {
    const session = await this.dataSource
      .getRepository(ActivitySession)
      .findOneByOrFail({ id: String(input.params.sessionId) });
    const { activity, timezone } = await this.activity(session.activityId);
    const en = input.language === 'en';
    const cancelled = input.params.cancelled === true;
    const reason =
      typeof input.params.reason === 'string' && input.params.reason
        ? [`${en ? 'Reason' : 'Reden'}: ${input.params.reason}`]
        : [];
    const rendered = renderLinkMessage(input.language, {
      subject: cancelled
        ? en
          ? `Cancelled: ${activity.title}`
          : `Gaat niet door: ${activity.title}`
        : en
          ? `New time: ${activity.title}`
          : `Nieuwe tijd: ${activity.title}`,
      paragraphs: cancelled
        ? [
            en
              ? `The meeting of ${when(session, timezone, 'en')} does not take place.`
              : `De bijeenkomst van ${when(session, timezone, 'nl')} gaat niet door.`,
            ...reason,
          ]
        : [
            en
              ? `The meeting has moved to ${when(session, timezone, 'en')}.`
              : `De bijeenkomst is verplaatst naar ${when(session, timezone, 'nl')}.`,
            en ? 'The attachment updates your calendar.' : 'De bijlage past uw agenda aan.',
          ],
      footer: input.senderName,
    });
    return { ...rendered, attachments: [this.ics(activity, [session], timezone, input.language, cancelled)] };
  }

  private async activity(
    activityId: string,
  ): Promise<{ activity: Activity; sessions: ActivitySession[]; timezone: string }> {
    const activity = await this.dataSource.getRepository(Activity).findOneByOrFail({ id: activityId });
    const sessions = await this.dataSource
      .getRepository(ActivitySession)
      .find({ where: { activityId }, order: { startsAt: 'ASC' } });
    const { timezone } = await this.municipalities.byId(activity.municipalityId);
    return { activity, sessions: sessions.filter((session) => !session.cancelledAt), timezone };
  }

  private ics(
    activity: Activity,
    sessions: ActivitySession[],
    timezone: string,
    language: Language,
    cancelled = false,
  ) {
    const events: CalendarEvent[] = sessions.map((session) => ({
      uid: `activity-session-${session.id}`,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      summary: activity.title,
      location: activity.location ?? undefined,
      sequence: session.sequence,
      cancelled,
    }));
    const content = calendarFile(events, { name: activity.title, timezone, method: cancelled ? 'cancel' : 'request' });
    return {
      filename: language === 'en' ? 'activity.ics' : 'activiteit.ics',
      contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
      content,
    };
  }
}

function when(session: ActivitySession, timezone: string, language: Language): string {
  const start = DateTime.fromJSDate(session.startsAt)
    .setZone(timezone)
    .setLocale(language === 'en' ? 'en-GB' : 'nl');
  const end = DateTime.fromJSDate(session.endsAt).setZone(timezone);
  return `${start.toFormat('cccc d MMMM yyyy, HH:mm')}-${end.toFormat('HH:mm')}`;
}
