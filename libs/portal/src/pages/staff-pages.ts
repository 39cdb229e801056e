import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountService, CreateUserDto } from '@app/identity';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { checkForm, FieldErrors } from '../form';
import { PortalAudit } from '../portal-audit';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** Admins keep their municipality's staff accounts: invite, disable (a leaver), enable again. */
@Injectable()
export class StaffPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly accounts: AccountService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/staff', access: 'admin', handle: (call) => this.list(call) },
      { method: 'POST', path: '/staff', access: 'admin', handle: (call) => this.invite(call) },
      { method: 'POST', path: '/staff/disable', access: 'admin', handle: (call) => this.toggle(call, 'disable') },
      { method: 'POST', path: '/staff/enable', access: 'admin', handle: (call) => this.toggle(call, 'enable') },
    );
  }

  private async list(
    call: PortalCall,
    errors: FieldErrors = {},
    problem: string | null = null,
    status = 200,
  ): Promise<PortalResult> {
    const [staff, admins] = await Promise.all([
      this.accounts.listInMunicipality({ limit: 100 }, 'staff'),
      this.accounts.listInMunicipality({ limit: 100 }, 'admin'),
    ]);
    const people = [...admins.items, ...staff.items];
    await this.audit.read(
      'GET /staff',
      'account',
      people.map((account) => account.id),
    );
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/staff.eta',
      title: call.t.staffAccounts,
      status: Object.keys(errors).length > 0 ? 400 : status,
      errors,
      data: {
        problem,
        values: submitted ? call.form : { role: 'staff' },
        roles: [
          { value: 'staff', label: call.t.roleStaff },
          { value: 'admin', label: call.t.roleAdmin },
        ],
        people: people.map((account) => ({
          id: account.id,
          name: account.displayName ?? account.email ?? '',
          email: account.email,
          role: account.role === 'admin' ? call.t.roleAdmin : call.t.roleStaff,
          disabled: account.disabledAt !== null,
          self: account.id === call.actor!.id,
        })),
      },
    };
  }

  private async invite(call: PortalCall): Promise<PortalResult> {
    const checked = await checkForm(
      CreateUserDto,
      { email: call.form.email?.trim(), role: call.form.role, displayName: call.form.displayName?.trim() },
      call.t,
    );
    if (!checked.ok) return this.list(call, checked.errors);
    try {
      await this.audit.change('POST /staff', 'account', [], () => this.accounts.invite(checked.value));
      return { redirect: '/staff', notice: call.t.staffInvited };
    } catch (error) {
      return this.list(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async toggle(call: PortalCall, change: 'disable' | 'enable'): Promise<PortalResult> {
    const accountId = call.form.accountId ?? '';
    if (!isUUID(accountId)) return this.list(call, {}, call.t.somethingWrong, 400);
    try {
      await this.audit.change(`POST /staff/${change}`, 'account', [accountId], () =>
        change === 'disable' ? this.accounts.disable(accountId) : this.accounts.enable(accountId),
      );
      return { redirect: '/staff', notice: change === 'disable' ? call.t.staffDisabled : call.t.staffEnabled };
    } catch (error) {
      return this.list(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
