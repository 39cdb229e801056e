import { Injectable, OnModuleInit } from '@nestjs/common';
import { VoucherService } from '@app/appreciation';
import { MunicipalityService, PartnerService } from '@app/identity';
import { ApiKeyThrottle, DomainError, RequestContext } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { typedNumber } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { timeText } from '../dates';
import { euros } from '../money';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/**
 * The partner's till: sign in once with the partner key (the session keeps the key's id, never
 * the key), then enter a voucher code and an amount and see the balance left. The API's guess
 * throttles apply, and a form sent twice (a double click, a reload) spends once.
 */
@Injectable()
export class TillPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly partners: PartnerService,
    private readonly vouchers: VoucherService,
    private readonly keyThrottle: ApiKeyThrottle,
    private readonly context: RequestContext,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/till', access: 'public', handle: (call) => this.show(call) },
      { method: 'POST', path: '/till/sign-in', access: 'public', handle: (call) => this.signIn(call) },
      { method: 'POST', path: '/till/redeem', access: 'public', handle: (call) => this.redeem(call) },
      { method: 'POST', path: '/till/sign-out', access: 'public', handle: async (call) => this.signOut(call) },
    );
  }

  private async show(call: PortalCall, answer: string | null = null, problem: string | null = null, status = 200) {
    const partner = await this.partner(call);
    // Today's own redemptions, so the till can be reconciled at closing time.
    const { day, timezone } = partner
      ? await this.context.runAs(partner, async () => ({
          day: await this.vouchers.partnerDay(),
          timezone: (await this.municipalities.current()).timezone,
        }))
      : { day: null, timezone: '' };
    return {
      view: 'pages/till.eta',
      title: call.t.tillTitle,
      status,
      data: {
        partnerSignedIn: partner !== null,
        answer,
        problem,
        receipt: randomUUID(),
        today: day
          ? {
              total: euros(day.totalCents, call.lang),
              items: day.items.map((item) => ({
                at: timeText(item.at, call.lang, timezone),
                amount: euros(item.amountCents, call.lang),
                left: euros(item.remainingCents, call.lang),
                codeEnd: item.codeEnd,
              })),
            }
          : null,
      },
    };
  }

  private async signIn(call: PortalCall): Promise<PortalResult> {
    try {
      await this.keyThrottle.assertAllowed(call.ip);
      const verified = await this.partners.verifyKey((call.form.apiKey ?? '').trim());
      if (!verified) {
        await this.keyThrottle.wrongKey(call.ip);
        return this.show(call, null, call.t.tillWrongKey, 401);
      }
      call.memory.set('partnerKeyId', verified.keyId);
      return { redirect: '/till' };
    } catch (error) {
      return this.show(call, null, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async redeem(call: PortalCall): Promise<PortalResult> {
    const partner = await this.partner(call);
    if (!partner) return { redirect: '/till' };
    const receipt = call.form.receipt ?? '';
    if (receipt && receipt === call.memory.get('tillReceipt'))
      return this.show(call, call.memory.get('tillAnswer') ?? null);
    const cents = Math.round((typedNumber(call.form.amount) ?? 0) * 100);
    if (!Number.isInteger(cents) || cents < 1 || cents > 100_000)
      return this.show(call, null, call.t.tillWrongAmount, 400);
    try {
      const spent = await this.context.runAs(partner, () => this.vouchers.redeem(call.form.code ?? '', cents, call.ip));
      const answer = call.t.tillSpent
        .replace('{amount}', euros(spent.amountCents, call.lang))
        .replace('{left}', euros(spent.remainingCents, call.lang));
      call.memory.set('tillReceipt', receipt);
      call.memory.set('tillAnswer', answer);
      return this.show(call, answer);
    } catch (error) {
      return this.show(call, null, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private signOut(call: PortalCall): PortalResult {
    call.memory.set('partnerKeyId', undefined);
    return { redirect: '/till' };
  }

  private async partner(call: PortalCall) {
    const keyId = call.memory.get('partnerKeyId');
    return keyId ? this.partners.actorOfKey(keyId) : null;
  }
}
