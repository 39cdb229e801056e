import { Injectable, OnModuleInit } from '@nestjs/common';
import { CarerRegistrationService, CarerSignUpDto } from '@app/carers';
import { AuthService, MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import { VolunteerRegistrationService, VolunteerSignUpDto } from '@app/volunteers';
import { checkForm } from '../form';
import { PortalCall, PortalResult, startPageOf } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** The start page, signing up, signing in and out, and a forgotten password. */
@Injectable()
export class AccountPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly auth: AuthService,
    private readonly registration: CarerRegistrationService,
    private readonly municipalities: MunicipalityService,
    private readonly volunteers: VolunteerRegistrationService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/', access: 'public', handle: (call) => this.home(call) },
      { method: 'GET', path: '/sign-in', access: 'guest', handle: async (call) => this.signInForm(call) },
      { method: 'POST', path: '/sign-in', access: 'guest', handle: (call) => this.signIn(call) },
      { method: 'POST', path: '/sign-out', access: 'public', handle: (call) => this.signOut(call) },
      { method: 'GET', path: '/sign-up', access: 'guest', handle: (call) => this.signUpForm(call) },
      { method: 'POST', path: '/sign-up', access: 'guest', handle: (call) => this.signUp(call) },
      {
        method: 'GET',
        path: '/volunteer-sign-up',
        access: 'guest',
        handle: (call) => this.signUpForm(call, {}, true),
      },
      { method: 'POST', path: '/volunteer-sign-up', access: 'guest', handle: (call) => this.volunteerSignUp(call) },
      { method: 'GET', path: '/forgot-password', access: 'guest', handle: async (call) => this.forgotForm(call) },
      { method: 'POST', path: '/forgot-password', access: 'guest', handle: (call) => this.forgot(call) },
    );
  }

  private async home(call: PortalCall): Promise<PortalResult> {
    if (call.actor) return { redirect: startPageOf(call.actor.role) };
    return { view: 'pages/home.eta', title: call.t.homeTitle, forms: false };
  }

  private signInForm(call: PortalCall, problem: string | null = null, status = 200): PortalResult {
    return {
      view: 'pages/sign-in.eta',
      title: call.t.signInTitle,
      status,
      data: { values: { email: call.form.email ?? '' }, problem, next: safeNext(call.query.next) },
    };
  }

  private async signIn(call: PortalCall): Promise<PortalResult> {
    try {
      const account = await this.auth.authenticate(call.form.email ?? '', call.form.password ?? '', call.ip);
      await call.signIn(account);
      return { redirect: safeNext(call.query.next) ?? startPageOf(account.role) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = error.status === 429 ? call.t.tooManyAttempts : call.t.invalidCredentials;
      return this.signInForm(call, problem, error.status === 429 ? 429 : 401);
    }
  }

  private async signOut(call: PortalCall): Promise<PortalResult> {
    await call.signOut();
    return { redirect: '/sign-in', notice: call.t.signedOut };
  }

  private async signUpForm(
    call: PortalCall,
    extra: Partial<Record<'errors' | 'problem', unknown>> = {},
    volunteer = false,
  ) {
    const municipalities = (await this.municipalities.all()).map((m) => ({ code: m.code, name: m.name }));
    const { password: _password, _csrf, ...values } = call.form;
    return {
      view: 'pages/sign-up.eta',
      title: volunteer ? call.t.volunteerSignUpTitle : call.t.signUpTitle,
      status: extra.errors || extra.problem ? 400 : 200,
      errors: (extra.errors as Record<string, string>) ?? {},
      data: { municipalities, values, problem: extra.problem ?? null, volunteer },
    };
  }

  private async signUp(call: PortalCall): Promise<PortalResult> {
    const { healthConsent, _csrf, ...fields } = call.form;
    const checked = await checkForm(CarerSignUpDto, { ...fields, language: call.lang }, call.t);
    if (!checked.ok) return this.signUpForm(call, { errors: checked.errors });
    try {
      await this.registration.signUp({ ...checked.value, healthDataConsent: healthConsent === 'yes' });
    } catch (error) {
      return this.signUpForm(call, { problem: ruleBroken(error, call.lang) });
    }
    return checkEmail(call);
  }

  /** Volunteers sign up with the same fields, minus health consent; what they can do follows once signed in. */
  private async volunteerSignUp(call: PortalCall): Promise<PortalResult> {
    const { _csrf, ...fields } = call.form;
    const checked = await checkForm(VolunteerSignUpDto, { ...fields, languages: [call.lang] }, call.t);
    if (!checked.ok) return this.signUpForm(call, { errors: checked.errors }, true);
    try {
      await this.volunteers.signUp({ ...checked.value, language: call.lang });
    } catch (error) {
      return this.signUpForm(call, { problem: ruleBroken(error, call.lang) }, true);
    }
    return checkEmail(call);
  }

  private forgotForm(call: PortalCall, sent = false): PortalResult {
    return {
      view: 'pages/forgot-password.eta',
      title: call.t.forgotTitle,
      data: { sent, values: { email: call.form.email ?? '' } },
    };
  }

  private async forgot(call: PortalCall): Promise<PortalResult> {
    const email = (call.form.email ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
      return { ...this.forgotForm(call), status: 400, errors: { email: call.t.fieldInvalid.email } };
    // The same answer whether or not the address is known, and under the same limits as the API.
    await this.auth.requestPasswordResetMail(email, call.ip);
    return this.forgotForm(call, true);
  }
}

function checkEmail(call: PortalCall): PortalResult {
  return {
    view: 'pages/message.eta',
    title: call.t.checkEmailTitle,
    data: { heading: call.t.checkEmailTitle, text: call.t.checkEmailText },
  };
}

/** A "next" page after signing in: only a path on this site. */
function safeNext(next: string | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next.slice(0, 300) : null;
}
