import { Injectable, OnModuleInit } from '@nestjs/common';
import { CarerService, UpdateOwnCarerDto } from '@app/carers';
import { AccountService, AuthService, OwnAccountService } from '@app/identity';
import { DomainError } from '@app/platform';
import { UpdateVolunteerDto, VolunteerService } from '@app/volunteers';
import { isEmail } from 'class-validator';
import { checkForm, FieldErrors } from '../form';
import { messageLabel } from '../message-labels';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/**
 * Everyone's own account: their name and address (carers and volunteers; the wijk follows the
 * postcode), how they hear from the steunpunt, which campaign mail they get, a new password
 * (other sign-ins end, this one goes on) and a new email address proven by a link.
 */
@Injectable()
export class OwnAccountPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly accounts: AccountService,
    private readonly ownAccounts: OwnAccountService,
    private readonly auth: AuthService,
    private readonly carers: CarerService,
    private readonly volunteers: VolunteerService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/account', access: 'member', handle: (call) => this.show(call) },
      { method: 'POST', path: '/account/details', access: 'member', handle: (call) => this.saveDetails(call) },
      { method: 'POST', path: '/account/mail', access: 'member', handle: (call) => this.saveMail(call) },
      { method: 'POST', path: '/account/password', access: 'member', handle: (call) => this.changePassword(call) },
      { method: 'POST', path: '/account/email', access: 'member', handle: (call) => this.changeEmail(call) },
    );
  }

  private async show(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): Promise<PortalResult> {
    const actor = call.actor!;
    const account = (await this.accounts.findById(actor.id))!;
    const person =
      actor.role === 'carer'
        ? await this.carers.mine()
        : actor.role === 'volunteer'
          ? await this.volunteers.mine()
          : null;
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    const { _csrf, currentPassword: _current, newPassword: _new, emailPassword: _email, ...typed } = call.form;
    return {
      view: 'pages/account.eta',
      title: call.t.accountTitle,
      status: submitted ? 400 : 200,
      errors,
      data: {
        problem,
        email: account.email,
        person: person !== null,
        carer: actor.role === 'carer',
        values: submitted
          ? typed
          : {
              displayName: account.displayName ?? '',
              firstName: person?.firstName ?? '',
              lastName: person?.lastName ?? '',
              postcode: person?.postcode ?? '',
              houseNumber: person?.houseNumber ?? '',
              phone: person?.phone ?? '',
              contactChannel: account.contactChannel,
            },
        channels: [
          { value: 'email', label: call.t.channelEmail },
          { value: 'post', label: call.t.channelPost },
        ],
        mailKinds: this.ownAccounts.optionalMailKinds().map((kind) => ({
          kind,
          label: messageLabel(kind, call.lang),
          wanted: account.campaignOptOutAt === null && !account.mailOptOuts.includes(kind),
        })),
      },
    };
  }

  private async saveDetails(call: PortalCall): Promise<PortalResult> {
    const role = call.actor!.role;
    const form = call.form;
    try {
      if (role === 'carer') {
        const checked = await checkForm(
          UpdateOwnCarerDto,
          {
            firstName: form.firstName?.trim(),
            lastName: form.lastName?.trim(),
            postcode: form.postcode?.trim(),
            houseNumber: form.houseNumber?.trim(),
            phone: form.phone?.trim() || null,
            contactChannel: form.contactChannel,
          },
          call.t,
        );
        if (!checked.ok) return this.show(call, checked.errors);
        await this.carers.updateMine(checked.value);
      } else if (role === 'volunteer') {
        const checked = await checkForm(
          UpdateVolunteerDto,
          {
            firstName: form.firstName?.trim(),
            lastName: form.lastName?.trim(),
            postcode: form.postcode?.trim(),
            houseNumber: form.houseNumber?.trim(),
            phone: form.phone?.trim() || undefined,
          },
          call.t,
        );
        if (!checked.ok) return this.show(call, checked.errors);
        await this.volunteers.updateMine(checked.value);
      } else {
        const displayName = (form.displayName ?? '').trim();
        if (!displayName || displayName.length > 100)
          return this.show(call, { displayName: call.t.fieldInvalid.displayName });
        await this.ownAccounts.update(call.actor!.id, { displayName });
      }
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/account', notice: call.t.saved };
  }

  private async saveMail(call: PortalCall): Promise<PortalResult> {
    const optional = this.ownAccounts.optionalMailKinds();
    await this.ownAccounts.update(call.actor!.id, {
      campaignMail: true,
      mailOptOuts: optional.filter((kind) => call.form[`mail-${kind}`] !== 'yes'),
    });
    return { redirect: '/account', notice: call.t.saved };
  }

  private async changePassword(call: PortalCall): Promise<PortalResult> {
    const next = call.form.newPassword ?? '';
    if (next.length < 12 || next.length > 256) return this.show(call, { newPassword: call.t.fieldInvalid.password });
    try {
      await this.auth.changePassword(call.actor!.id, call.form.currentPassword ?? '', next, call.ip);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.status === 429) return this.show(call, {}, call.t.tooManyAttempts);
      return this.show(call, { currentPassword: call.t.wrongPassword });
    }
    // Every sign-in made before the change ended; this one starts anew.
    const account = (await this.accounts.findById(call.actor!.id))!;
    await call.signIn(account);
    return { redirect: '/account', notice: call.t.passwordChanged };
  }

  private async changeEmail(call: PortalCall): Promise<PortalResult> {
    const newEmail = (call.form.newEmail ?? '').trim();
    if (!isEmail(newEmail) || newEmail.length > 254) return this.show(call, { newEmail: call.t.fieldInvalid.email });
    try {
      await this.auth.requestEmailChange(call.actor!.id, newEmail, call.form.emailPassword ?? '', call.ip);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'WRONG_PASSWORD') return this.show(call, { emailPassword: call.t.wrongPassword });
      return this.show(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/account', notice: call.t.emailChangeSent };
  }
}
