import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CARER_AUDIENCE, CarerAudienceFilter } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { FanoutService } from '@app/messaging';
import { DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { ActivityCancelledError } from './activity-errors';
import { ACTIVITY_MESSAGES } from './activity-message-kinds';
import { ActivityService } from './activity.service';
import { InvitationAudienceDto } from './dto/activity.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Invites an audience of carers to an activity through the fan-out. The dedupe scope per
 * activity makes it one invitation per person however often the admin invites: a second
 * round reaches only those not yet invited.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivityService,
    private readonly fanouts: FanoutService,
    private readonly municipalities: MunicipalityService,
  ) {}

  async invite(activityId: string, audience: InvitationAudienceDto): Promise<{ fanoutId: string }> {
    const { activity } = await this.activities.get(activityId);
    if (activity.cancelledAt) throw new ActivityCancelledError();
    const filter = await this.filterOf(audience);
    const fanout = await this.dataSource.transaction((manager) =>
      this.fanouts.start(manager, {
        kind: ACTIVITY_MESSAGES.invitation,
        audience: { source: CARER_AUDIENCE, filter: { ...filter } },
        params: { activityId: activity.id },
        dedupeScope: `activity-invitation.${activity.id}`,
      }),
    );
    return { fanoutId: fanout.id };
  }

  private async filterOf(audience: InvitationAudienceDto): Promise<CarerAudienceFilter> {
    const { all, wijk, ...rest } = audience;
    const filters = Object.values({ wijk, ...rest }).filter((value) => value !== undefined).length;
    if (all && filters > 0)
      throw new DomainError(
        'INVALID_AUDIENCE',
        422,
        { nl: 'Kies alle mantelzorgers of filters, niet allebei.', en: 'Choose all carers, or filters; not both.' },
        [{ field: 'audience.all', message: 'leave filters out with all' }],
      );
    if (!all && filters === 0)
      throw new DomainError(
        'INVALID_AUDIENCE',
        422,
        {
          nl: 'Kies alle mantelzorgers ({"all": true}) of ten minste één filter.',
          en: 'Choose all carers ({"all": true}) or at least one filter.',
        },
        [{ field: 'audience', message: 'all or a filter' }],
      );
    const filter: CarerAudienceFilter = { ...rest };
    if (wijk) {
      const wijken = await this.municipalities.listWijken();
      const found = wijken.find(({ wijk: candidate }) =>
        UUID.test(wijk) ? candidate.id === wijk : candidate.name.toLowerCase() === wijk.toLowerCase(),
      );
      if (!found)
        throw new DomainError(
          'UNKNOWN_WIJK',
          422,
          { nl: 'Deze wijk bestaat niet in deze gemeente.', en: 'There is no such wijk in this municipality.' },
          [{ field: 'audience.wijk', message: 'unknown wijk' }],
        );
      filter.wijkId = found.wijk.id;
    }
    return filter;
  }
}
