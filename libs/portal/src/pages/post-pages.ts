import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { lettersHtml, MessageService, PrintQueue } from '@app/messaging';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { PortalAudit } from '../portal-audit';
import { PortalCall, PortalResult } from '../portal-route';
import { messageLabel } from '../message-labels';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

const MAX_LETTERS = 200;

/** Messages that need a person: letters waiting to be printed and posted, and mails that failed, with retry. */
@Injectable()
export class PostPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly printQueue: PrintQueue,
    private readonly messages: MessageService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/post', access: 'staff', handle: (call) => this.overview(call) },
      { method: 'POST', path: '/post/letters', access: 'staff', handle: (call) => this.letters(call) },
      { method: 'POST', path: '/post/printed', access: 'staff', handle: (call) => this.printed(call) },
      { method: 'POST', path: '/post/retry', access: 'staff', handle: (call) => this.retry(call) },
    );
  }

  private async overview(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const [municipality, waiting, failed] = await Promise.all([
      this.municipalities.current(),
      this.printQueue.waiting({ limit: 100 }),
      this.messages.failed({ limit: 100 }),
    ]);
    await this.audit.read('GET /post', 'message', [
      ...waiting.items.map(({ message }) => message.id),
      ...failed.items.map((message) => message.id),
    ]);
    const when = (at: Date) => dateTimeText(at, call.lang, municipality.timezone);
    return {
      view: 'pages/post.eta',
      title: call.t.postTitle,
      status,
      data: {
        problem,
        letters: waiting.items.map(({ message, address }) => ({
          id: message.id,
          kind: messageLabel(message.kind, call.lang),
          name: address?.name ?? '–',
          address: address ? `${address.postcode} ${address.houseNumber}` : '–',
          at: when(message.createdAt),
        })),
        failed: failed.items.map((message) => ({
          id: message.id,
          kind: messageLabel(message.kind, call.lang),
          outcome: message.outcome ?? '',
          at: when(message.createdAt),
        })),
      },
    };
  }

  /** The chosen letters as printable pages (one a page), for the browser's print dialog. */
  private async letters(call: PortalCall): Promise<PortalResult> {
    const ids = chosenIds(call.form);
    if (ids.length === 0) return this.overview(call, call.t.chooseLetters, 400);
    const letters = await this.audit.change('POST /post/letters', 'message', ids, () => this.printQueue.printable(ids));
    const printedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    return { raw: { contentType: 'text/html; charset=utf-8', body: lettersHtml(letters, printedOn) } };
  }

  private async printed(call: PortalCall): Promise<PortalResult> {
    const ids = chosenIds(call.form);
    if (ids.length === 0) return this.overview(call, call.t.chooseLetters, 400);
    const marked = await this.audit.change('POST /post/printed', 'message', ids, () =>
      this.printQueue.markPrinted(ids),
    );
    return { redirect: '/post', notice: call.t.lettersPrinted.replace('{count}', String(marked.length)) };
  }

  private async retry(call: PortalCall): Promise<PortalResult> {
    const messageId = call.form.messageId ?? '';
    if (!isUUID(messageId)) return this.overview(call, call.t.somethingWrong, 400);
    try {
      await this.audit.change('POST /post/retry', 'message', [messageId], () => this.messages.retry(messageId));
      return { redirect: '/post', notice: call.t.retried };
    } catch (error) {
      return this.overview(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}

/** The ticked letters: one checkbox per letter, named "letter-<message id>". */
function chosenIds(form: Record<string, string>): string[] {
  return Object.keys(form)
    .filter((key) => key.startsWith('letter-') && form[key] === 'yes')
    .map((key) => key.slice('letter-'.length))
    .filter((id) => isUUID(id))
    .slice(0, MAX_LETTERS);
}
