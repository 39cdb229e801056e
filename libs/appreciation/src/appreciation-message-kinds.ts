import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppreciationCampaign } from './campaign.entity';
import { Voucher } from './voucher.entity';
import { formatVoucherCode } from './voucher-code';

export const APPRECIATION_MESSAGES = {
  voucherIssued: 'appreciation_voucher_issued',
  voucherExpiring: 'appreciation_voucher_expiring',
  campaignOpen: 'appreciation_campaign_open',
} as const;

const longDate = (isoDate: string, language: 'nl' | 'en') =>
  DateTime.fromISO(isoDate)
    .setLocale(language === 'en' ? 'en-GB' : 'nl-NL')
    .toLocaleString(DateTime.DATE_FULL);

const euros = (cents: number, language: 'nl' | 'en') =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );

/** The voucher mail: its code, value, expiry and how to use it. */
@Injectable()
export class AppreciationMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: APPRECIATION_MESSAGES.voucherIssued,
      category: 'transactional',
      render: (input) => this.issued(input),
    });
    this.kinds.register({
      kind: APPRECIATION_MESSAGES.voucherExpiring,
      category: 'transactional',
      render: (input) => this.expiring(input),
    });
    this.kinds.register({
      kind: APPRECIATION_MESSAGES.campaignOpen,
      category: 'campaign',
      render: (input) => this.open(input),
    });
  }

  private async issued(input: RenderInput): Promise<RenderedMail> {
    const voucher = await this.dataSource
      .getRepository(Voucher)
      .findOneByOrFail({ id: String(input.params.voucherId) });
    if (voucher.kind === 'culture_ticket') return this.ticketIssued(input, voucher);
    const en = input.language === 'en';
    const code = formatVoucherCode(voucher.code);
    const value = euros(voucher.valueCents, input.language);
    return renderLinkMessage(input.language, {
      subject: en ? 'Thank you: your appreciation voucher' : 'Dank u wel: uw waardebon',
      paragraphs: en
        ? [
            `Thank you for everything you do as a carer. The municipality gives you a voucher of ${value}.`,
            `Your code: ${code}`,
            `Show or say this code at one of the participating shops or venues; you may spend it in parts until ${longDate(voucher.expiresOn, 'en')}.`,
          ]
        : [
            `Dank u wel voor alles wat u als mantelzorger doet. De gemeente geeft u een waardebon van ${value}.`,
            `Uw code: ${code}`,
            `Laat de code zien of noem hem bij een van de deelnemende winkels of organisaties; u kunt hem in delen besteden tot en met ${longDate(voucher.expiresOn, 'nl')}.`,
          ],
      footer: input.senderName,
    });
  }

  private async expiring(input: RenderInput): Promise<RenderedMail> {
    const voucher = await this.dataSource
      .getRepository(Voucher)
      .findOneByOrFail({ id: String(input.params.voucherId) });
    const en = input.language === 'en';
    const left = euros(voucher.balanceCents, input.language);
    const code = formatVoucherCode(voucher.code);
    return renderLinkMessage(input.language, {
      subject: en ? 'Your appreciation voucher expires soon' : 'Uw waardebon verloopt binnenkort',
      paragraphs: en
        ? [
            `Your voucher ${code} still has ${left} on it.`,
            `You can use it until ${longDate(voucher.expiresOn, 'en')}.`,
          ]
        : [
            `Op uw waardebon ${code} staat nog ${left}.`,
            `U kunt hem gebruiken tot en met ${longDate(voucher.expiresOn, 'nl')}.`,
          ],
      footer: input.senderName,
    });
  }

  private async open(input: RenderInput): Promise<RenderedMail> {
    const campaign = await this.dataSource
      .getRepository(AppreciationCampaign)
      .findOneByOrFail({ id: String(input.params.campaignId) });
    const en = input.language === 'en';
    const value = euros(campaign.amountCents, input.language);
    const closes = campaign.closesAt.toLocaleDateString(en ? 'en-GB' : 'nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    // Volunteers are sent to their own appreciation page; carers find it on their start page.
    const volunteers = input.params.group === 'volunteers';
    const words = volunteers
      ? {
          subject: en ? 'Appreciation for volunteers' : 'Vrijwilligerswaardering',
          thanks: en
            ? `As a thank you for your work as a volunteer, the municipality gives volunteers a voucher of ${value}.`
            : `Als dank voor uw inzet als vrijwilliger geeft de gemeente vrijwilligers een waardebon van ${value}.`,
        }
      : {
          subject: en ? 'Appreciation for carers' : 'Mantelzorgwaardering',
          thanks: en
            ? `As a thank you for your care, the municipality gives carers a voucher of ${value}.`
            : `Als dank voor uw zorg geeft de gemeente mantelzorgers een waardebon van ${value}.`,
        };
    return renderLinkMessage(input.language, {
      subject: `${words.subject} ${campaign.year}: ${en ? 'apply now' : 'vraag hem nu aan'}`,
      paragraphs: [
        words.thanks,
        en ? `Apply until ${closes}; it takes a minute.` : `Vraag hem aan tot ${closes}; het kost een minuut.`,
      ],
      ...(volunteers ? { action: en ? 'Apply' : 'Aanvragen', link: `${input.siteUrl}/appreciation` } : {}),
      footer: input.senderName,
    });
  }

  private async ticketIssued(input: RenderInput, voucher: Voucher): Promise<RenderedMail> {
    const campaign = await this.dataSource
      .getRepository(AppreciationCampaign)
      .findOneByOrFail({ id: voucher.campaignId });
    const en = input.language === 'en';
    const code = formatVoucherCode(voucher.code);
    const name = campaign.cultureTicketName ?? (en ? 'culture ticket' : 'cultuurkaart');
    return renderLinkMessage(input.language, {
      subject: en ? `Thank you: your ${name}` : `Dank u wel: uw ${name}`,
      paragraphs: en
        ? [
            `Thank you for everything you do as a carer. The municipality gives you: ${name}.`,
            `Your code: ${code}`,
            `Show or say this code at the venue; it is valid until ${longDate(voucher.expiresOn, 'en')}.`,
          ]
        : [
            `Dank u wel voor alles wat u als mantelzorger doet. De gemeente geeft u: ${name}.`,
            `Uw code: ${code}`,
            `Laat de code zien of noem hem bij de kassa; hij is geldig tot en met ${longDate(voucher.expiresOn, 'nl')}.`,
          ],
      footer: input.senderName,
    });
  }
}
