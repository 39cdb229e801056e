import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import fastifyCookie from '@fastify/cookie';
import CsrfTokens from '@fastify/csrf';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import { Actor, AppConfig, DomainError, RequestContext } from '@app/platform';
import { Eta } from 'eta';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formValues } from './form';
import { packageDirectory, portalDirectory } from './portal-files';
import { PageView, PortalAccess, PortalCall, PortalResult, PortalRoute, startPageOf } from './portal-route';
import { PortalRoutes } from './portal-routes';
import { PostgresSessionStore } from './session-store';
import { PORTAL_TEXTS, PortalLanguage, portalLanguage, PortalTexts } from './texts';

const SESSION_COOKIE = 'mz_portal';
const FALLBACK_PAGE = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Er ging iets mis</title></head><body><main><h1>Er ging iets mis</h1><p>Probeer het later nog een keer. Lukt het niet? Bel dan het mantelzorgsteunpunt.</p><p><a href="/">Terug naar de startpagina</a></p></main></body></html>`;
const SESSION_HOURS = 12;
export const PORTAL_ASSETS = '/portal-assets';

interface SignedIn {
  actor: Actor;
  displayName: string | null;
  municipalityName: string | null;
}

type SessionRequest = FastifyRequest;

type CsrfReply = FastifyReply & { generateCsrf(): string; viewAsync(page: string, data: object): Promise<string> };

/**
 * Serves the web portal on the site's root, in its own Fastify scope: sessions in Postgres
 * (HttpOnly, SameSite=Lax, Secure on https), a CSRF token on every form, templates with eta in
 * the NL Design System look, and the carer's pages, which call the contexts' services directly
 * as the signed-in person.
 */
function mayOpen(access: PortalAccess, role: string): boolean {
  if (access === 'carer') return role === 'carer';
  if (access === 'volunteer') return role === 'volunteer';
  if (access === 'person') return role === 'carer' || role === 'volunteer';
  if (access === 'member') return role !== 'operator';
  if (access === 'provider') return role === 'provider';
  if (access === 'staff-or-provider') return role === 'provider' || role === 'staff' || role === 'admin';
  if (access === 'staff') return role === 'staff' || role === 'admin';
  return role === 'admin';
}

/** Why a signed-in person is refused a page, said for whom it is. */
function whoMayOpen(access: PortalAccess, t: PortalTexts): string {
  if (access === 'volunteer') return t.volunteersOnly;
  return access === 'carer' || access === 'person' ? t.carersOnly : t.staffOnly;
}

@Injectable()
export class PortalServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PortalServer.name);
  private cleanup: NodeJS.Timeout | null = null;
  private readonly csrfTokens = new CsrfTokens({ userInfo: false });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: PortalRoutes,
    private readonly config: AppConfig,
    private readonly context: RequestContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const secure = this.config.http.baseUrl.startsWith('https:');
    const lifetimeMs = SESSION_HOURS * 3_600_000;
    await fastify.register(async (scope) => {
      await scope.register(fastifyCookie);
      await scope.register(fastifySession, {
        cookieName: SESSION_COOKIE,
        secret: createHmac('sha256', this.config.auth.signingSecret).update('portal-session').digest('base64url'),
        cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: lifetimeMs },
        saveUninitialized: false,
        store: new PostgresSessionStore(this.dataSource, lifetimeMs),
      });
      await scope.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
      await scope.register(fastifyView, {
        engine: { eta: new Eta({ views: portalDirectory('views'), cache: true, autoEscape: true }) },
        templates: portalDirectory('views'),
        layout: 'layout.eta',
        defaultContext: { assets: PORTAL_ASSETS },
      });
      await scope.register(fastifyStatic, {
        root: portalDirectory('assets'),
        prefix: `${PORTAL_ASSETS}/`,
        maxAge: '1h',
      });
      await scope.register(fastifyStatic, {
        root: packageDirectory('@utrecht/component-library-css', 'dist'),
        prefix: `${PORTAL_ASSETS}/components/`,
        decorateReply: false,
        maxAge: '1h',
      });
      await scope.register(fastifyStatic, {
        root: packageDirectory('@utrecht/design-tokens', 'dist'),
        prefix: `${PORTAL_ASSETS}/tokens/`,
        decorateReply: false,
        maxAge: '1h',
      });
      // A page that cannot even be drawn still answers in HTML, never with the API's JSON.
      scope.setErrorHandler((error: Error, request, reply) => {
        this.logger.error({ error: error.message, route: request.routeOptions.url }, 'portal page failed');
        void reply
          .status(500)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(FALLBACK_PAGE);
      });
      for (const route of this.routes.all()) {
        scope.route({
          method: route.method,
          url: route.path,
          config: { htmlPage: true },
          handler: (request, reply) => this.serve(route, request as SessionRequest, reply as CsrfReply),
        });
      }
    });
    this.cleanup = setInterval(() => void this.removeExpiredSessions(), 3_600_000).unref();
    await this.removeExpiredSessions();
  }

  onApplicationShutdown(): void {
    if (this.cleanup) clearInterval(this.cleanup);
  }

  private async serve(route: PortalRoute, request: SessionRequest, reply: CsrfReply) {
    const query = formValues(request.query);
    const chosen = portalLanguage(query.lang);
    if (chosen) request.session.set('lang', chosen);
    const signedIn = await this.signedIn(request);
    const lang = request.session.get('lang') ?? 'nl';
    const t = PORTAL_TEXTS[lang];
    const form = formValues(request.body);
    if (route.method === 'POST' && !this.csrfHolds(request, form))
      return this.render(request, reply, signedIn, lang, {
        view: 'pages/message.eta',
        title: t.somethingWrong,
        status: 403,
        data: { heading: t.somethingWrong, text: t.sessionExpired },
      });
    const needsSignIn = route.access !== 'public' && route.access !== 'guest';
    if (needsSignIn && !signedIn)
      return this.redirect(request, reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    if (needsSignIn && signedIn && !mayOpen(route.access, signedIn.actor.role))
      return this.render(request, reply, signedIn, lang, {
        view: 'pages/message.eta',
        title: t.somethingWrong,
        status: 403,
        data: { heading: t.somethingWrong, text: whoMayOpen(route.access, t) },
      });
    if (route.access === 'guest' && signedIn) return this.redirect(request, reply, startPageOf(signedIn.actor.role));
    const call: PortalCall = {
      lang,
      t,
      form,
      query,
      params: formValues(request.params),
      ip: request.ip,
      actor: signedIn?.actor ?? null,
      signIn: async (account) => {
        // A new session id on signing in: one fixed before cannot be carried over.
        await request.session.regenerate(['lang']);
        request.session.set('accountId', account.id);
        request.session.set('signedInAt', Date.now());
        request.session.set('lang', portalLanguage(account.language) ?? lang);
      },
      signOut: () => request.session.regenerate(['lang']),
      memory: {
        get: (key) => request.session.get(key),
        set: (key, value) => request.session.set(key, value),
      },
    };
    let result: PortalResult;
    try {
      result = signedIn ? await this.context.runAs(signedIn.actor, () => route.handle(call)) : await route.handle(call);
    } catch (error) {
      result = this.failure(error, call);
    }
    if ('redirect' in result) {
      if (result.notice) request.session.set('notice', result.notice);
      return this.redirect(request, reply, result.redirect);
    }
    if ('raw' in result)
      return reply
        .header('content-type', result.raw.contentType)
        .header('cache-control', 'no-store')
        .send(result.raw.body);
    if ('download' in result)
      return reply
        .header('content-type', result.download.contentType)
        .header('content-disposition', `attachment; filename="${result.download.filename}"`)
        .header('cache-control', 'no-store')
        .send(result.download.body);
    // Read the person again only when the page signed someone in or out (erasure), not on every page.
    const current = request.session.get('accountId') === signedIn?.actor.id ? signedIn : await this.signedIn(request);
    return this.render(request, reply, current, request.session.get('lang') ?? lang, result);
  }

  /** A rule the services enforce, told in the reader's language; anything else is logged and apologised for. */
  private failure(error: unknown, call: PortalCall): PageView {
    if (error instanceof DomainError)
      return {
        view: 'pages/message.eta',
        title: call.t.somethingWrong,
        status: error.status,
        data: { heading: call.t.somethingWrong, text: error.detail[call.lang] },
      };
    this.logger.error({ error: (error as Error).message }, 'portal page failed');
    return {
      view: 'pages/message.eta',
      title: call.t.somethingWrong,
      status: 500,
      data: { heading: call.t.somethingWrong, text: call.t.tryAgainLater },
    };
  }

  private async render(
    request: SessionRequest,
    reply: CsrfReply,
    signedIn: SignedIn | null,
    lang: PortalLanguage,
    page: PageView,
  ): Promise<FastifyReply> {
    const notice = request.session.get('notice');
    if (notice) request.session.set('notice', undefined);
    const t = PORTAL_TEXTS[lang];
    const path = request.url.split('?')[0];
    const html = await reply.viewAsync(page.view, {
      ...(page.data ?? {}),
      lang,
      t,
      title: page.title,
      errors: page.errors ?? {},
      errorList: Object.entries(page.errors ?? {}),
      csrfToken: signedIn || page.forms !== false ? reply.generateCsrf() : '',
      notice: notice ?? null,
      signedIn: signedIn !== null,
      role: signedIn?.actor.role ?? null,
      displayName: signedIn?.displayName ?? null,
      municipalityName: signedIn?.municipalityName ?? null,
      path,
      otherLanguageHref: `${path}?lang=${t.otherLanguageCode}`,
    });
    return reply
      .status(page.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }

  private redirect(request: SessionRequest, reply: FastifyReply, location: string): FastifyReply {
    // Only paths on this site: a crafted "next" cannot send anyone elsewhere.
    const safe = location.startsWith('/') && !location.startsWith('//') ? location : '/';
    return reply.status(303).header('location', safe).send();
  }

  /** The form's token must match the session's secret (set when the form was rendered). */
  private csrfHolds(request: SessionRequest, form: Record<string, string>): boolean {
    const secret = request.session.get('_csrf');
    return Boolean(secret && form._csrf && this.csrfTokens.verify(secret, form._csrf));
  }

  /** The signed-in person, if their account still stands and nothing ended their sessions since they signed in. */
  private async signedIn(request: SessionRequest): Promise<SignedIn | null> {
    const accountId = request.session.get('accountId');
    const signedInAt = request.session.get('signedInAt');
    if (!accountId || !signedInAt) return null;
    const [row] = await this.dataSource.query<
      Array<{
        role: Actor['role'];
        municipality_id: string;
        display_name: string | null;
        municipality_name: string | null;
      }>
    >(
      `SELECT a.role, a.municipality_id, a.display_name, m.name AS municipality_name
         FROM account a LEFT JOIN municipality m ON m.id = a.municipality_id
        WHERE a.id = $1 AND a.disabled_at IS NULL AND a.erased_at IS NULL
          AND (a.tokens_valid_after IS NULL OR a.tokens_valid_after <= to_timestamp($2 / 1000.0))`,
      [accountId, signedInAt],
    );
    if (!row) {
      await request.session.regenerate(['lang']);
      return null;
    }
    return {
      actor: { id: accountId, role: row.role, municipalityId: row.municipality_id },
      displayName: row.display_name,
      municipalityName: row.municipality_name,
    };
  }

  private async removeExpiredSessions(): Promise<void> {
    await this.dataSource.query('DELETE FROM portal_session WHERE expires_at < now()').catch(() => undefined);
  }
}
