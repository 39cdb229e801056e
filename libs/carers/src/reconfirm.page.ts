import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages, LinkTokens } from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RECONFIRM_PURPOSE } from './carer-message-kinds';

const TEXT: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Zorgt u nog voor iemand?',
      explanation:
        'Druk op de knop als u nog mantelzorger bent. Dan blijft u ingeschreven bij het mantelzorgsteunpunt.',
      button: 'Ja, ik zorg nog voor iemand',
    },
    done: { ok: true, title: 'Dank u wel', message: 'U blijft ingeschreven. Volgend jaar vragen we het opnieuw.' },
    invalid: {
      ok: false,
      title: 'Deze link werkt niet (meer)',
      message:
        'De link is ongeldig of verlopen. Neem contact op met het mantelzorgsteunpunt; zij zetten uw inschrijving graag weer aan.',
    },
  },
  en: {
    intro: {
      title: 'Are you still caring for someone?',
      explanation:
        'Press the button if you still care for someone. You then stay registered with the carer support point.',
      button: 'Yes, I still care for someone',
    },
    done: { ok: true, title: 'Thank you', message: 'You stay registered. We will ask again next year.' },
    invalid: {
      ok: false,
      title: 'This link does not work (any more)',
      message:
        'The link is invalid or has expired. Please contact the carer support point; they will gladly renew your registration.',
    },
  },
};

/** The page behind the yearly re-confirmation link. */
@Injectable()
export class ReconfirmPage implements LinkPage, OnModuleInit {
  readonly path = 'reconfirm';

  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: LinkTokens,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    return this.tokens.verify(RECONFIRM_PURPOSE, token) ? TEXT[language].intro : TEXT[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const carerId = this.tokens.verify(RECONFIRM_PURPOSE, token);
    if (!carerId) return TEXT[language].invalid;
    await this.dataSource.query(
      `UPDATE carer SET confirmed_at = now(), reconfirmation_requested_at = NULL, status = 'active', inactive_since = NULL, updated_at = now()
        WHERE id = $1 AND account_id IN (SELECT id FROM account WHERE erased_at IS NULL)`,
      [carerId],
    );
    return TEXT[language].done;
  }
}
