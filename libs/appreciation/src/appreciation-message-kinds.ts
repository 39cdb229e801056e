import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';
import { DataSource } from 'typeorm';
import { Voucher } from './voucher.entity';
import { formatVoucherCode } from './voucher-code';

export const APPRECIATION_MESSAGES = { voucherIssued: 'appreciation_voucher_issued' } as const;

const euros = (cents: number, language: 'nl' | 'en') =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The voucher mail: its code, value, expiry and how to use it. */
@Injectable()
export class AppreciationMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({ kind: APPRECIATION_MESSAGES.voucherIssued, category: 'transactional', render: (input) => this.issued(input) });
  }

  private async issued(input: RenderInput): Promise<RenderedMail> {
    const voucher = await this.dataSource.getRepository(Voucher).findOneByOrFail({ id: String(input.params.voucherId) });
    const en = input.language === 'en';
    const code = formatVoucherCode(voucher.code);
    const value = euros(voucher.valueCents, input.language);
    return renderLinkMessage(input.language, {
      subject: en ? 'Thank you: your appreciation voucher' : 'Dank u wel: uw waardebon',
      paragraphs: en
        ? [`Thank you for everything you do as a carer. The municipality gives you a voucher of ${value}.`, `Your code: ${code}`, `Show or say this code at one of the participating shops or venues; you may spend it in parts until ${voucher.expiresOn}.`]
        : [`Dank u wel voor alles wat u als mantelzorger doet. De gemeente geeft u een waardebon van ${value}.`, `Uw code: ${code}`, `Laat de code zien of noem hem bij een van de deelnemende winkels of organisaties; u kunt hem in delen besteden tot en met ${voucher.expiresOn}.`],
      action: en ? 'See your vouchers' : 'Bekijk uw waardebonnen',
      link: input.siteUrl,
      footer: input.senderName,
    });
  }
}
