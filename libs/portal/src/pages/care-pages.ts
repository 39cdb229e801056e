import { Injectable, OnModuleInit } from '@nestjs/common';
import { CareRelationshipService, CarerService, CreateCareRelationshipDto } from '@app/carers';
import { isUUID } from 'class-validator';
import { checkForm, FieldErrors, typedNumber } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

const RELATIONS = ['partner', 'parent', 'child', 'other_family', 'friend', 'neighbour', 'other'];

/** Who the carer cares for: the list, adding someone, and saying care has stopped. */
@Injectable()
export class CarePages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/care', access: 'carer', handle: (call) => this.list(call) },
      { method: 'POST', path: '/care', access: 'carer', handle: (call) => this.add(call) },
      { method: 'POST', path: '/care/end', access: 'carer', handle: (call) => this.end(call) },
    );
  }

  private async list(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): Promise<PortalResult> {
    const carer = await this.carers.mine();
    const relationships = (await this.relationships.list(carer.id)).map(({ relationship }) => ({
      id: relationship.id,
      name: relationship.careRecipientName,
      relation: call.t.relations[relationship.relation] ?? relationship.relation,
      hoursPerWeek: relationship.hoursPerWeek,
    }));
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/care.eta',
      title: call.t.careTitle,
      status: submitted ? 400 : 200,
      errors,
      data: {
        relationships,
        relations: RELATIONS.map((value) => ({ value, label: call.t.relations[value] })),
        values: submitted ? call.form : {},
        problem,
      },
    };
  }

  private async add(call: PortalCall): Promise<PortalResult> {
    const { careRecipientName, relation, livesInMunicipality, since, hoursPerWeek } = call.form;
    const checked = await checkForm(
      CreateCareRelationshipDto,
      {
        careRecipientName: careRecipientName?.trim(),
        relation,
        livesInMunicipality: livesInMunicipality === 'yes' ? true : livesInMunicipality === 'no' ? false : undefined,
        since,
        hoursPerWeek: typedNumber(hoursPerWeek),
      },
      call.t,
    );
    if (!checked.ok) return this.list(call, checked.errors);
    const carer = await this.carers.mine();
    try {
      await this.relationships.create(carer.id, checked.value);
    } catch (error) {
      return this.list(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/care', notice: call.t.careAdded };
  }

  private async end(call: PortalCall): Promise<PortalResult> {
    const id = call.form.relationshipId ?? '';
    if (!isUUID(id)) return this.list(call, {}, call.t.somethingWrong);
    const carer = await this.carers.mine();
    try {
      await this.relationships.end(carer.id, id);
    } catch (error) {
      return this.list(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/care', notice: call.t.careEnded };
  }
}
