import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages, LinkTokens } from '@app/messaging';
import { DomainError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchService } from './match.service';
import { MATCH_ACCEPT_PURPOSE, MATCH_DECLINE_PURPOSE } from './volunteer-message-kinds';
import { VolunteerMatch } from './volunteer-match.entity';

type PageText = { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome };

const TEXT: Record<'accept' | 'decline', Record<Language, PageText>> = {
  accept: {
    nl: {
      intro: {
        title: 'Hulp toezeggen',
        explanation: 'Druk op de knop om toe te zeggen dat u deze mantelzorger helpt.',
        button: 'Ja, ik help',
      },
      done: {
        ok: true,
        title: 'Dank u wel',
        message: 'Uw toezegging is ontvangen. Het steunpunt neemt contact met u op.',
      },
      invalid: {
        ok: false,
        title: 'Dit verzoek geldt niet meer',
        message: 'Er is al geantwoord, of een andere vrijwilliger helpt al. Dank u voor uw bereidheid.',
      },
    },
    en: {
      intro: {
        title: 'Agree to help',
        explanation: 'Press the button to agree to help this carer.',
        button: 'Yes, I will help',
      },
      done: {
        ok: true,
        title: 'Thank you',
        message: 'Your answer has been received. The carer support point will contact you.',
      },
      invalid: {
        ok: false,
        title: 'This request no longer stands',
        message: 'It has been answered already, or another volunteer is helping. Thank you for offering.',
      },
    },
  },
  decline: {
    nl: {
      intro: {
        title: 'Niet helpen',
        explanation: 'Druk op de knop als u deze keer niet kunt helpen.',
        button: 'Ik kan deze keer niet',
      },
      done: { ok: true, title: 'Doorgegeven', message: 'Dank u. Het steunpunt vraagt iemand anders.' },
      invalid: {
        ok: false,
        title: 'Dit verzoek geldt niet meer',
        message: 'Er is al geantwoord of het verzoek is ingetrokken.',
      },
    },
    en: {
      intro: {
        title: 'Decline',
        explanation: 'Press the button if you cannot help this time.',
        button: 'I cannot this time',
      },
      done: { ok: true, title: 'Passed on', message: 'Thank you. The carer support point will ask someone else.' },
      invalid: {
        ok: false,
        title: 'This request no longer stands',
        message: 'It has been answered already or was withdrawn.',
      },
    },
  },
};

/** The pages behind a proposal's accept and decline links: they act only when the button is pressed. */
class MatchAnswerPage implements LinkPage {
  constructor(
    readonly path: string,
    private readonly purpose: string,
    private readonly answer: 'accept' | 'decline',
    private readonly tokens: LinkTokens,
    private readonly matches: MatchService,
    private readonly dataSource: DataSource,
  ) {}

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const matchId = this.tokens.verify(this.purpose, token);
    const match = matchId ? await this.dataSource.getRepository(VolunteerMatch).findOneBy({ id: matchId }) : null;
    return match?.status === 'proposed' ? TEXT[this.answer][language].intro : TEXT[this.answer][language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const matchId = this.tokens.verify(this.purpose, token);
    if (!matchId) return TEXT[this.answer][language].invalid;
    try {
      await this.matches.answer(matchId, this.answer === 'accept');
      return TEXT[this.answer][language].done;
    } catch (error) {
      if (error instanceof DomainError) return TEXT[this.answer][language].invalid;
      throw error;
    }
  }
}

@Injectable()
export class MatchAnswerPages implements OnModuleInit {
  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: LinkTokens,
    private readonly matches: MatchService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.pages.register(
      new MatchAnswerPage(
        MATCH_ACCEPT_PURPOSE,
        MATCH_ACCEPT_PURPOSE,
        'accept',
        this.tokens,
        this.matches,
        this.dataSource,
      ),
    );
    this.pages.register(
      new MatchAnswerPage(
        MATCH_DECLINE_PURPOSE,
        MATCH_DECLINE_PURPOSE,
        'decline',
        this.tokens,
        this.matches,
        this.dataSource,
      ),
    );
  }
}
