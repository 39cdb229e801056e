import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Language } from '../templates/language';
import { RenderedMessage } from '../templates/layout';
import { MessageCategory } from './message.entity';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderInput {
  messageId: string;
  accountId: string;
  language: Language;
  displayName: string | null;
  senderName: string;
  params: Record<string, unknown>;
  /** Absolute link to a link page with a token, in the person's language. */
  link(path: string, token: string): string;
  /** The platform's address (APP_BASE_URL). */
  siteUrl: string;
  /** Signed one-click unsubscribe link (campaign messages). */
  unsubscribeLink: string;
}

export interface RenderedMail extends RenderedMessage {
  attachments?: MailAttachment[];
}

/** A kind of message: transactional (always sent) or campaign (respects opt-out and post). */
export interface MessageKind {
  readonly kind: string;
  readonly category: MessageCategory;
  /**
   * Sent to an address of someone without an account yet (a referred carer asked for consent):
   * the message row carries the address and language, and nothing is sent by post.
   */
  readonly addressOnly?: boolean;
  /** Rendered at send time in the worker, so secrets (link tokens) are never stored in clear. */
  render(input: RenderInput): Promise<RenderedMail>;
  /**
   * Before a batch of a fan-out is rendered: reads what its messages' render needs in one query,
   * so render finds it in memory instead of reading it per message.
   */
  preload?(messageIds: string[]): Promise<void>;
  /**
   * Called for every page of a fan-out of this kind, in the transaction that writes the page's
   * messages, with the people newly messaged: the owning context records what the message stands
   * for (an invitation, say) so both commit or roll back together.
   */
  onFanoutPage?(
    manager: EntityManager,
    fanout: { id: string; municipalityId: string; params: object },
    messaged: Array<{ messageId: string; accountId: string }>,
  ): Promise<void>;
}

/** Every message kind, registered by the context that owns it. */
@Injectable()
export class MessageKinds {
  private readonly kinds = new Map<string, MessageKind>();

  register(kind: MessageKind): void {
    this.kinds.set(kind.kind, kind);
  }

  /** The kinds of a category, e.g. the campaign mail people may choose to get or not. */
  ofCategory(category: MessageCategory): string[] {
    return [...this.kinds.values()].filter((kind) => kind.category === category).map((kind) => kind.kind);
  }

  get(kind: string): MessageKind {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`Unknown message kind ${kind}`);
    return found;
  }
}
