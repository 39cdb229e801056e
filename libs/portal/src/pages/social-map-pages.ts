import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { SocialMapEntryInputDto, SocialMapService } from '@app/intake';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { checkForm } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { topicOptions, topicText } from '../topic-text';

/**
 * The social map: anyone searches a municipality's local support by topic, wijk and words;
 * signed-in staff add and remove organisations on the same page.
 */
@Injectable()
export class SocialMapPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly socialMap: SocialMapService,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/social-map', access: 'public', handle: (call) => this.search(call) },
      { method: 'POST', path: '/social-map', access: 'staff', handle: (call) => this.add(call) },
      { method: 'POST', path: '/social-map/remove', access: 'staff', handle: (call) => this.remove(call) },
    );
  }

  private async search(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const all = await this.municipalities.all();
    const staff = call.actor?.role === 'staff' || call.actor?.role === 'admin';
    const own = call.actor ? all.find((m) => m.id === call.actor!.municipalityId) : undefined;
    const municipality = all.find((m) => m.code === call.query.municipality) ?? own;
    const wijken = municipality
      ? (await this.municipalities.wijkenOf(municipality.id)).map((wijk) => ({ value: wijk.id, label: wijk.name }))
      : [];
    const topics = municipality ? topicOptions(call.t, municipality.settings.questionTopics) : [];
    const topic = topics.some((option) => option.value === call.query.topic) ? call.query.topic : '';
    const wijkId = wijken.some((option) => option.value === call.query.wijk) ? call.query.wijk : '';
    const text = (call.query.text ?? '').trim().slice(0, 100);
    const entries = municipality
      ? await this.socialMap.search(municipality.id, {
          topic: topic || undefined,
          wijkId: wijkId || undefined,
          text: text || undefined,
        })
      : [];
    const wijkName = new Map(wijken.map((wijk) => [wijk.value, wijk.label]));
    return {
      view: 'pages/social-map.eta',
      title: call.t.socialMapTitle,
      status,
      forms: staff,
      data: {
        problem,
        chosen: municipality?.code ?? '',
        municipalities: [
          { value: '', label: call.t.chooseMunicipality },
          ...all.map((m) => ({ value: m.code, label: m.name })),
        ],
        values: { topic, wijk: wijkId, text },
        topics: [{ value: '', label: call.t.anyTopic }, ...topics],
        topicChoices: topics,
        wijken: [{ value: '', label: call.t.anyWijk }, ...wijken],
        entries: entries.map((entry) => ({
          id: entry.id,
          organisation: entry.organisation,
          offer: entry.offer,
          topics: entry.topics.map((key) => topicText(call.t, key)).join(', '),
          where: entry.wijkId ? (wijkName.get(entry.wijkId) ?? '') : call.t.wholeMunicipality,
          contact: entry.contact,
          openingHours: entry.openingHours,
          website: entry.website,
        })),
        // Staff keep their own municipality's map, from the same page.
        keeps: staff && municipality !== undefined && municipality.id === call.actor!.municipalityId,
      },
    };
  }

  private async add(call: PortalCall): Promise<PortalResult> {
    const form = call.form;
    const checked = await checkForm(
      SocialMapEntryInputDto,
      {
        organisation: form.organisation?.trim(),
        offer: form.offer?.trim(),
        topics: Object.keys(form)
          .filter((key) => key.startsWith('topic-'))
          .map((key) => key.slice('topic-'.length)),
        wijkId: form.wijkId || undefined,
        contact: form.contact?.trim(),
        openingHours: form.openingHours?.trim() || undefined,
        website: form.website?.trim() || undefined,
      },
      call.t,
    );
    if (!checked.ok) return this.search(call, call.t.entryInvalid, 400);
    try {
      await this.socialMap.create(checked.value);
    } catch (error) {
      return this.search(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
    return { redirect: '/social-map', notice: call.t.entryAdded };
  }

  private async remove(call: PortalCall): Promise<PortalResult> {
    const entryId = call.form.entryId ?? '';
    if (!isUUID(entryId)) return this.search(call, call.t.somethingWrong, 400);
    try {
      await this.socialMap.remove(entryId);
    } catch (error) {
      return this.search(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
    return { redirect: '/social-map', notice: call.t.entryRemoved };
  }
}
