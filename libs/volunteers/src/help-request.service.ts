import { Injectable } from '@nestjs/common';
import { CareRelationshipService, CarerService } from '@app/carers';
import { MunicipalityService, today } from '@app/identity';
import {
  DomainError,
  FieldCipher,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
} from '@app/platform';
import { MAX_WEEKLY_WEEKS, normalizeAvailability } from './availability';
import { DateTime } from 'luxon';
import { HelpKind, HelpRequest, WantedDate } from './help-request.entity';
import { checkSkills } from './volunteer-registration.service';

export interface NewHelpRequest {
  kind: HelpKind;
  careRelationshipId: string;
  wantedDates?: WantedDate[];
  weeklyPattern?: string[];
  weeklyUntil?: string;
  requiredSkills?: string[];
  language?: string;
  notes?: string;
}

/** Help requests: carers ask for themselves, staff ask for a carer of their municipality. */
@Injectable()
export class HelpRequestService {
  constructor(
    @InjectMunicipalityScoped(HelpRequest) private readonly requests: MunicipalityScopedRepository<HelpRequest>,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly municipalities: MunicipalityService,
    private readonly cipher: FieldCipher,
  ) {}

  async requestForMyself(input: NewHelpRequest): Promise<HelpRequest> {
    const carer = await this.carers.mine();
    return this.save(carer.id, input, 'self');
  }

  async requestForCarer(carerId: string, input: NewHelpRequest): Promise<HelpRequest> {
    const { carer } = await this.carers.get(carerId);
    return this.save(carer.id, input, 'staff');
  }

  async mine(): Promise<HelpRequest[]> {
    const carer = await this.carers.mine();
    return this.requests.find({ where: { carerId: carer.id }, order: { createdAt: 'DESC' } });
  }

  /** Open requests, the longest waiting first. */
  open(): Promise<HelpRequest[]> {
    return this.requests.find({ where: { status: 'open' }, order: { createdAt: 'ASC' }, take: 500 });
  }

  async get(id: string): Promise<HelpRequest> {
    const request = await this.requests.findOne({ id });
    if (!request) throw new NotFoundError({ nl: 'De hulpvraag', en: 'The help request' });
    return request;
  }

  notesOf(request: HelpRequest): string | null {
    return this.cipher.decryptNullable(request.notesEncrypted);
  }

  private async save(carerId: string, input: NewHelpRequest, requestedBy: 'self' | 'staff'): Promise<HelpRequest> {
    await this.relationships.activeOf(carerId, input.careRelationshipId);
    const municipality = await this.municipalities.current();
    checkSkills(input.requiredSkills ?? [], municipality);
    const wantedDates = input.wantedDates ?? [];
    const weeklyPattern = normalizeAvailability(input.weeklyPattern ?? []);
    if (wantedDates.length === 0 && weeklyPattern.length === 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        {
          nl: 'Geef gewenste data, een wekelijks patroon of allebei.',
          en: 'Give wanted dates, a weekly pattern, or both.',
        },
        [{ field: 'wantedDates', message: 'wantedDates or weeklyPattern is required' }],
      );
    }
    const day = today(municipality.timezone);
    if (wantedDates.some((wanted) => wanted.date < day)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        { nl: 'Gewenste data liggen in het verleden.', en: 'Wanted dates lie in the past.' },
        [{ field: 'wantedDates', message: 'dates must be today or later' }],
      );
    }
    const latest = DateTime.fromISO(day).plus({ weeks: MAX_WEEKLY_WEEKS }).toISODate()!;
    if (input.weeklyUntil && (weeklyPattern.length === 0 || input.weeklyUntil < day || input.weeklyUntil > latest)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        {
          nl: 'Een einddatum hoort bij een wekelijks patroon, vanaf vandaag en hooguit een half jaar vooruit.',
          en: 'An end date goes with a weekly pattern, from today and at most half a year ahead.',
        },
        [{ field: 'weeklyUntil', message: 'needs weeklyPattern; from today to 26 weeks ahead' }],
      );
    }
    return this.requests.save(
      this.requests.create({
        weeklyUntil: input.weeklyUntil ?? null,
        carerId,
        careRelationshipId: input.careRelationshipId,
        kind: input.kind,
        wantedDates: [...wantedDates].sort((a, b) => a.date.localeCompare(b.date)),
        weeklyPattern,
        requiredSkills: [...new Set(input.requiredSkills ?? [])],
        language: input.language ?? null,
        notesEncrypted: input.notes ? this.cipher.encrypt(input.notes) : null,
        status: 'open',
        requestedBy,
      }),
    );
  }
}
