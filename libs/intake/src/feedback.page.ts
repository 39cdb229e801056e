import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages, LinkTokens } from '@app/messaging';
import { DomainError } from '@app/platform';
import { FEEDBACK_PURPOSE } from './feedback-message-kind';
import { FeedbackService } from './feedback.service';

const SCORES: Record<Language, string[]> = {
  nl: ['1 - slecht', '2 - matig', '3 - redelijk', '4 - goed', '5 - heel goed'],
  en: ['1 - poor', '2 - fair', '3 - reasonable', '4 - good', '5 - very good'],
};

const TEXT: Record<Language, { done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    done: { ok: true, title: 'Dank u wel', message: 'Uw mening helpt het steunpunt het beter te doen.' },
    invalid: { ok: false, title: 'Deze vraag is al beantwoord', message: 'Of de link is verlopen. Dank u wel.' },
  },
  en: {
    done: { ok: true, title: 'Thank you', message: 'Your opinion helps the support point do better.' },
    invalid: { ok: false, title: 'This question was answered already', message: 'Or the link expired. Thank you.' },
  },
};

/** The page behind the question's link: a score from 1 to 5 and room for a few words, answered once. */
@Injectable()
export class FeedbackPage implements LinkPage, OnModuleInit {
  readonly path = FEEDBACK_PURPOSE;

  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: LinkTokens,
    private readonly feedback: FeedbackService,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const id = this.tokens.verify(FEEDBACK_PURPOSE, token);
    const request = id ? await this.feedback.awaits(id) : null;
    if (!request) return TEXT[language].invalid;
    const en = language === 'en';
    return {
      title: en ? `How was it: ${request.aboutName}?` : `Hoe was het: ${request.aboutName}?`,
      explanation: en
        ? 'Give a score, and if you like a few words. Only the support point reads your words.'
        : 'Geef een cijfer en, als u wilt, een paar woorden. Alleen het steunpunt leest uw woorden.',
      button: en ? 'Send' : 'Versturen',
      fields: [
        {
          name: 'score',
          type: 'choice',
          label: { nl: 'Hoe tevreden bent u?', en: 'How satisfied are you?' },
          options: [1, 2, 3, 4, 5].map((score) => ({
            value: String(score),
            label: { nl: SCORES.nl[score - 1], en: SCORES.en[score - 1] },
          })),
        },
        {
          name: 'text',
          type: 'text',
          label: { nl: 'Wat wilt u ons laten weten? (mag leeg)', en: 'Anything to tell us? (may be empty)' },
          maxLength: 2000,
        },
      ],
    };
  }

  async perform(token: string, form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const id = this.tokens.verify(FEEDBACK_PURPOSE, token);
    if (!id) return TEXT[language].invalid;
    try {
      await this.feedback.answer(id, Number(form.score), form.text);
      return TEXT[language].done;
    } catch (error) {
      if (error instanceof DomainError) return TEXT[language].invalid;
      throw error;
    }
  }
}
