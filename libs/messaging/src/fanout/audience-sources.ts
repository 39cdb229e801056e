import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { AudienceSource } from '../messages/recipients';

/** Audience kinds, registered by the contexts that know the people (identity, carers, ...). */
@Injectable()
export class AudienceSources {
  private readonly sources = new Map<string, AudienceSource>();

  register(source: AudienceSource): void {
    this.sources.set(source.source, source);
  }

  get(source: string): AudienceSource {
    const found = this.sources.get(source);
    if (!found)
      throw new DomainError('UNKNOWN_AUDIENCE', 400, {
        nl: `Er is geen doelgroep van soort ${source}.`,
        en: `No audience of kind ${source}.`,
      });
    return found;
  }
}
