import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService, UpdateSettingsDto } from '@app/identity';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { checkForm, FieldErrors } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { NUMBER_SETTINGS, SETTING_TEXTS } from '../settings-texts';

/** Admins set the municipality's policy, each setting explained, and see its wijken. */
@Injectable()
export class SettingsPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/settings', access: 'admin', handle: (call) => this.show(call) },
      { method: 'POST', path: '/settings', access: 'admin', handle: (call) => this.save(call) },
      { method: 'POST', path: '/settings/wijken', access: 'admin', handle: (call) => this.addWijk(call) },
      { method: 'POST', path: '/settings/neighbours', access: 'admin', handle: (call) => this.neighbours(call) },
    );
  }

  private async show(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null, status = 200) {
    const [municipality, wijken] = await Promise.all([this.municipalities.current(), this.municipalities.listWijken()]);
    const settings = municipality.settings;
    const texts = SETTING_TEXTS[call.lang];
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    const current: Record<string, string> = {
      perYear: String(settings.respiteBudget.perYear),
      reminders: settings.reminderOffsetsHours.join(', '),
      senderName: settings.senderName,
      ...Object.fromEntries(NUMBER_SETTINGS.map((key) => [key, String(settings[key])])),
    };
    return {
      view: 'pages/settings.eta',
      title: call.t.settingsTitle,
      status: Object.keys(errors).length > 0 ? 400 : status,
      errors,
      data: {
        problem,
        fields: ['perYear', ...NUMBER_SETTINGS, 'reminders', 'senderName'].map((name) => ({
          name,
          ...texts[name as keyof typeof texts],
          numeric: name !== 'reminders' && name !== 'senderName',
          value: submitted ? (call.form[name] ?? '') : current[name],
        })),
        wijken: wijken.map(({ wijk, ranges, neighbourIds }) => ({
          id: wijk.id,
          name: wijk.name,
          others: wijken
            .filter((other) => other.wijk.id !== wijk.id)
            .map((other) => ({
              id: other.wijk.id,
              name: other.wijk.name,
              neighbour: neighbourIds.includes(other.wijk.id),
            })),
          postcodes: ranges
            .map((range) => (range.from === range.to ? range.from : `${range.from}–${range.to}`))
            .join(', '),
        })),
      },
    };
  }

  /** A new wijk with one range of four-digit postcodes; overlaps with other wijken are refused by the service. */
  private async addWijk(call: PortalCall): Promise<PortalResult> {
    const name = (call.form.wijkName ?? '').trim();
    const from = Number(call.form.postcodeFrom);
    const to = Number(call.form.postcodeTo || call.form.postcodeFrom);
    const errors: FieldErrors = {};
    if (name.length < 1 || name.length > 100) errors.wijkName = call.t.fieldInvalid.name;
    if (!Number.isInteger(from) || from < 1000 || from > 9999) errors.postcodeFrom = call.t.fieldInvalid.postcodeDigits;
    if (!Number.isInteger(to) || to < from || to > 9999) errors.postcodeTo = call.t.fieldInvalid.postcodeDigits;
    if (Object.keys(errors).length > 0) return this.show(call, errors);
    try {
      await this.municipalities.createWijk(name, [{ from, to }]);
      return { redirect: '/settings', notice: call.t.wijkAdded };
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  /** Which wijken border a wijk: volunteers from there count as nearby. */
  private async neighbours(call: PortalCall): Promise<PortalResult> {
    const wijkId = call.form.wijkId ?? '';
    if (!isUUID(wijkId)) return this.show(call, {}, call.t.somethingWrong, 400);
    const neighbourIds = Object.keys(call.form)
      .filter((key) => key.startsWith('neighbour-') && call.form[key] === 'yes')
      .map((key) => key.slice('neighbour-'.length))
      .filter((id) => isUUID(id));
    try {
      await this.municipalities.setNeighbours(wijkId, neighbourIds);
      return { redirect: '/settings', notice: call.t.saved };
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async save(call: PortalCall): Promise<PortalResult> {
    const number = (name: string) => (call.form[name]?.trim() ? Number(call.form[name]) : undefined);
    const changes = {
      respiteBudget: { unit: 'dagdelen', perYear: number('perYear') },
      reminderOffsetsHours: (call.form.reminders ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number),
      senderName: call.form.senderName?.trim(),
      ...Object.fromEntries(NUMBER_SETTINGS.map((key) => [key, number(key)])),
    };
    const checked = await checkForm(UpdateSettingsDto, changes, call.t);
    if (!checked.ok)
      return this.show(
        call,
        Object.fromEntries(
          Object.entries(checked.errors).map(([key]) => [
            key === 'respiteBudget' ? 'perYear' : key === 'reminderOffsetsHours' ? 'reminders' : key,
            call.t.settingInvalid,
          ]),
        ),
      );
    try {
      await this.municipalities.updateSettings(checked.value);
      return { redirect: '/settings', notice: call.t.saved };
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
