import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MunicipalityService } from '@app/identity';
import { Language, LinkPage, LinkPageField, LinkPageIntro, LinkPageOutcome, LinkPages } from '@app/messaging';
import { DomainError } from '@app/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { ActivitySession } from './activity.entity';
import { ParticipationService } from './participation.service';

const TEXT = {
  nl: {
    question: 'Komt u?',
    yes: 'Ja, ik kom',
    no: 'Nee, ik kom niet',
    companions: 'Hoeveel introducés neemt u mee?',
    button: 'Antwoord versturen',
    current: {
      attending: 'U heeft zich aangemeld.',
      waitlisted: 'U staat op de wachtlijst.',
      offered: 'Er is een plaats voor u vrijgehouden.',
      declined: 'U heeft laten weten niet te komen.',
      cancelled: 'U heeft zich afgemeld.',
    },
    done: {
      attending: 'U bent aangemeld. U krijgt een bevestiging per e-mail.',
      waitlisted: 'Het is vol; u staat op de wachtlijst. Komt er een plaats vrij, dan mailen we u.',
      declined: 'Dank u voor uw antwoord. Jammer dat u niet kunt komen.',
    },
    thanks: 'Dank u wel',
    invalid: { ok: false, title: 'Deze link werkt niet (meer)', message: 'De uitnodiging is ongeldig of verlopen.' },
    problem: 'Dat lukte niet',
  },
  en: {
    question: 'Will you come?',
    yes: 'Yes, I will come',
    no: 'No, I will not come',
    companions: 'How many companions will you bring?',
    button: 'Send my answer',
    current: {
      attending: 'You have said you will come.',
      waitlisted: 'You are on the waiting list.',
      offered: 'A place is being held for you.',
      declined: 'You have said you will not come.',
      cancelled: 'You have withdrawn.',
    },
    done: {
      attending: 'You are registered. A confirmation follows by email.',
      waitlisted: 'It is full; you are on the waiting list. We will email you if a place comes free.',
      declined: 'Thank you for letting us know. A pity you cannot come.',
    },
    thanks: 'Thank you',
    invalid: {
      ok: false,
      title: 'This link does not work (any more)',
      message: 'The invitation is invalid or has expired.',
    },
    problem: 'That did not work',
  },
} as const;

/** The page behind an invitation: shows the activity and the current answer; the button sends the answer. */
@Injectable()
export class RsvpPage implements LinkPage, OnModuleInit {
  readonly path = 'rsvp';

  constructor(
    private readonly pages: LinkPages,
    private readonly participation: ParticipationService,
    private readonly municipalities: MunicipalityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const text = TEXT[language];
    const found = await this.participation.invitationOf(token);
    if (!found) return text.invalid;
    const { activity, participant } = found;
    const first = await this.dataSource
      .getRepository(ActivitySession)
      .findOne({ where: { activityId: activity.id }, order: { startsAt: 'ASC' } });
    const { timezone } = await this.municipalities.byId(activity.municipalityId);
    const when = first
      ? DateTime.fromJSDate(first.startsAt)
          .setZone(timezone)
          .setLocale(language === 'en' ? 'en-GB' : 'nl')
          .toFormat('cccc d MMMM yyyy, HH:mm')
      : '';
    const fields: LinkPageField[] = [
      {
        name: 'response',
        type: 'choice',
        label: { nl: TEXT.nl.question, en: TEXT.en.question },
        options: [
          { value: 'yes', label: { nl: TEXT.nl.yes, en: TEXT.en.yes } },
          { value: 'no', label: { nl: TEXT.nl.no, en: TEXT.en.no } },
        ],
        value: participant && ['attending', 'waitlisted', 'offered'].includes(participant.status) ? 'yes' : undefined,
      },
    ];
    if (activity.maxCompanions > 0)
      fields.push({
        name: 'companions',
        type: 'number',
        label: { nl: TEXT.nl.companions, en: TEXT.en.companions },
        min: 0,
        max: activity.maxCompanions,
        value: String(participant?.companions ?? 0),
      });
    return {
      title: activity.title,
      explanation: [when, activity.location, participant?.respondedAt ? text.current[participant.status] : null]
        .filter(Boolean)
        .join(' · '),
      button: text.button,
      fields,
    };
  }

  async perform(token: string, form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const text = TEXT[language];
    const response = form.response === 'yes' || form.response === 'no' ? form.response : null;
    const companions = Number.parseInt(form.companions ?? '0', 10);
    if (!response || !Number.isInteger(companions) || companions < 0)
      return { ok: false, title: text.problem, message: text.question };
    try {
      const participant = await this.participation.respond(token, response, companions);
      const status =
        participant.status === 'attending' || participant.status === 'waitlisted' ? participant.status : 'declined';
      return { ok: true, title: text.thanks, message: text.done[status] };
    } catch (error) {
      if (error instanceof DomainError)
        return error.code === 'TOKEN_INVALID'
          ? text.invalid
          : { ok: false, title: text.problem, message: error.detail[language] };
      throw error;
    }
  }
}
