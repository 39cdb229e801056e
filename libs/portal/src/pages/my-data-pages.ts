import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountService, MunicipalityService } from '@app/identity';
import { AuditLog, ErasureService, PersonalDataAccess } from '@app/privacy';
import { dateTimeText } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { PortalTexts } from '../texts';

function actionText(t: PortalTexts, action: string): string {
  const texts: Record<string, string> = {
    read: t.accessRead,
    change: t.accessChange,
    export: t.accessExport,
    erase: t.accessErase,
  };
  return texts[action] ?? action;
}

/** The carer's own data: message preferences, a download of everything, who looked, and erasure. */
@Injectable()
export class MyDataPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: AuditLog,
    private readonly access: PersonalDataAccess,
    private readonly erasure: ErasureService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/my-data', access: 'person', handle: (call) => this.show(call) },
      { method: 'POST', path: '/my-data/preferences', access: 'person', handle: (call) => this.savePreferences(call) },
      { method: 'GET', path: '/my-data/export', access: 'person', handle: (call) => this.download(call) },
      { method: 'GET', path: '/my-data/erase', access: 'person', handle: async (call) => this.confirmErase(call) },
      { method: 'POST', path: '/my-data/erase', access: 'person', handle: (call) => this.erase(call) },
    );
  }

  private async show(call: PortalCall): Promise<PortalResult> {
    const [account, municipality, log] = await Promise.all([
      this.accounts.findById(call.actor!.id),
      this.municipalities.current(),
      this.audit.accessToMine({ limit: 50 }),
    ]);
    return {
      view: 'pages/my-data.eta',
      title: call.t.myDataTitle,
      data: {
        values: {
          campaignMail: account?.campaignOptOutAt ? 'no' : 'yes',
          language: account?.language === 'en' ? 'en' : 'nl',
        },
        accessLog: log.items.map(({ entry, actorName, otherMunicipality }) => ({
          at: dateTimeText(entry.createdAt, call.lang, municipality.timezone),
          who: actorName ?? call.t.staffMember,
          where: otherMunicipality ? `${call.t.ofMunicipality} ${otherMunicipality}` : null,
          action: actionText(call.t, entry.action),
        })),
      },
    };
  }

  private async savePreferences(call: PortalCall): Promise<PortalResult> {
    await this.accounts.setMessagePreferences(call.actor!.id, {
      campaignMail: call.form.campaignMail !== 'no',
      language: call.form.language === 'en' ? 'en' : 'nl',
    });
    return { redirect: '/my-data', notice: call.t.saved };
  }

  private async download(call: PortalCall): Promise<PortalResult> {
    const data = await this.access.exportOf(call.actor!.id);
    return {
      download: {
        filename: 'mijn-gegevens.json',
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(data, null, 2),
      },
    };
  }

  private confirmErase(call: PortalCall, errors: Record<string, string> = {}): PortalResult {
    return {
      view: 'pages/erase.eta',
      title: call.t.eraseConfirmTitle,
      status: Object.keys(errors).length > 0 ? 400 : 200,
      errors,
    };
  }

  private async erase(call: PortalCall): Promise<PortalResult> {
    if (call.form.confirm !== 'yes') return this.confirmErase(call, { confirm: call.t.fieldInvalid.confirm });
    await this.erasure.erase({ accountId: call.actor!.id });
    await call.signOut();
    return {
      view: 'pages/message.eta',
      title: call.t.erasedTitle,
      data: { heading: call.t.erasedTitle, text: call.t.erasedText },
    };
  }
}
