import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Language } from '../templates/language';
import { isOutcome, LinkPage } from './link-page';
import { introPage, outcomePage } from './link-page-html';

const INVALID: Record<Language, { title: string; message: string }> = {
  nl: {
    title: 'Deze link werkt niet (meer)',
    message:
      'De link is ongeldig, al gebruikt of verlopen. Neem contact op met het mantelzorgsteunpunt als u hulp nodig heeft.',
  },
  en: {
    title: 'This link does not work (any more)',
    message: 'The link is invalid, already used or expired. Please contact the carer support point if you need help.',
  },
};

function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'nl';
}

/**
 * Serves every registered link page at the site root (outside /api/v1): GET shows the
 * page, POST (form or one-click) acts. Contexts register their pages at start-up.
 */
@Injectable()
export class LinkPages implements OnApplicationBootstrap {
  private readonly logger = new Logger(LinkPages.name);
  private readonly pages = new Map<string, LinkPage>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  register(page: LinkPage): void {
    this.pages.set(page.path, page);
  }

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 16 * 1024 },
        (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    }
    for (const page of this.pages.values()) {
      fastify.get(`/${page.path}`, (request, reply) => this.show(page, request, reply));
      fastify.post(`/${page.path}`, (request, reply) => this.act(page, request, reply));
    }
  }

  private async show(page: LinkPage, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = request.query as Record<string, string | undefined>;
    const language = languageOf(query.lang);
    const token = typeof query.token === 'string' ? query.token.slice(0, 1000) : '';
    const described = token ? await page.describe(token, language).catch(() => null) : null;
    const html = !described
      ? outcomePage(language, { ok: false, ...INVALID[language] })
      : isOutcome(described)
        ? outcomePage(language, described)
        : introPage(language, `/${page.path}`, token, described);
    await this.send(reply, described && !isOutcome(described) ? 200 : 400, html);
  }

  private async act(page: LinkPage, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const form = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, string>;
    const query = request.query as Record<string, string | undefined>;
    const language = languageOf(form.lang ?? query.lang);
    // One-click unsubscribe (RFC 8058) posts with the token in the URL.
    const token = String(form.token ?? query.token ?? '').slice(0, 1000);
    try {
      const outcome = token ? await page.perform(token, form, language) : { ok: false, ...INVALID[language] };
      await this.send(reply, outcome.ok ? 200 : 400, outcomePage(language, outcome));
    } catch (error) {
      this.logger.error({ page: page.path, error: (error as Error).message }, 'link page action failed');
      await this.send(
        reply,
        500,
        outcomePage(language, { ok: false, title: INVALID[language].title, message: INVALID[language].message }),
      );
    }
  }

  private async send(reply: FastifyReply, status: number, html: string): Promise<void> {
    await reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
