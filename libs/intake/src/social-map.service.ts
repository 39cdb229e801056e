import { Injectable } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { escapeLike, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnknownTopicError } from './intake-errors';
import { SocialMapEntry } from './social-map-entry.entity';

export interface SocialMapInput {
  organisation: string;
  offer: string;
  topics: string[];
  wijkId?: string | null;
  contact: string;
  openingHours?: string | null;
  website?: string | null;
}

export interface SocialMapSearch {
  topic?: string;
  /** Entries of this wijk and those for the whole municipality. */
  wijkId?: string;
  /** Words in the organisation's name or what they offer. */
  text?: string;
}

const MAX_RESULTS = 200;

/** The sociale kaart: staff keep the municipality's directory of local support; anyone may search it. */
@Injectable()
export class SocialMapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  async create(input: SocialMapInput): Promise<SocialMapEntry> {
    await this.check(input);
    const repository = this.dataSource.getRepository(SocialMapEntry);
    return repository.save(repository.create({ ...this.fields(input), municipalityId: this.context.municipalityId() }));
  }

  async update(id: string, input: SocialMapInput): Promise<SocialMapEntry> {
    const entry = await this.get(id);
    await this.check(input);
    Object.assign(entry, this.fields(input));
    return this.dataSource.getRepository(SocialMapEntry).save(entry);
  }

  async remove(id: string): Promise<void> {
    const entry = await this.get(id);
    // Answers that pointed at it keep their text; the link to the entry simply no longer shows.
    await this.dataSource.getRepository(SocialMapEntry).delete({ id: entry.id });
  }

  async get(id: string): Promise<SocialMapEntry> {
    const entry = await this.dataSource
      .getRepository(SocialMapEntry)
      .findOneBy({ id, municipalityId: this.context.municipalityId() });
    if (!entry) throw new NotFoundError({ nl: 'Dit onderdeel van de sociale kaart', en: 'The social map entry' });
    return entry;
  }

  /** Search within one municipality, alphabetical by organisation. */
  async search(municipalityId: string, filter: SocialMapSearch): Promise<SocialMapEntry[]> {
    const query = this.dataSource
      .getRepository(SocialMapEntry)
      .createQueryBuilder('entry')
      .where('entry.municipalityId = :municipalityId', { municipalityId });
    if (filter.topic) query.andWhere(':topic = ANY(entry.topics)', { topic: filter.topic });
    if (filter.wijkId) query.andWhere('(entry.wijkId = :wijkId OR entry.wijkId IS NULL)', { wijkId: filter.wijkId });
    if (filter.text)
      query.andWhere('(entry.organisation ILIKE :text OR entry.offer ILIKE :text)', {
        text: `%${escapeLike(filter.text)}%`,
      });
    return query.orderBy('entry.organisation', 'ASC').addOrderBy('entry.id', 'ASC').take(MAX_RESULTS).getMany();
  }

  private fields(input: SocialMapInput) {
    return {
      organisation: input.organisation,
      offer: input.offer,
      topics: [...new Set(input.topics)],
      wijkId: input.wijkId ?? null,
      contact: input.contact,
      openingHours: input.openingHours ?? null,
      website: input.website ?? null,
    };
  }

  private async check(input: SocialMapInput): Promise<void> {
    const municipality = await this.municipalities.current();
    if (input.topics.some((topic) => !municipality.settings.questionTopics.includes(topic)))
      throw new UnknownTopicError('topics');
    if (input.wijkId && !(await this.municipalities.wijk(input.wijkId)))
      throw new NotFoundError({ nl: 'De wijk', en: 'The wijk' });
  }
}
