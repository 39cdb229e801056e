import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';
import { defaultMunicipalitySettings, MunicipalitySettings } from './municipality-settings';

export const MUNICIPALITY_CODE = /^GM\d{4}$/;

@Entity('municipality')
@Check('ck_municipality_code', `"code" ~ '^GM[0-9]{4}$'`)
export class Municipality extends BaseRecord {
  /** CBS gemeentecode, e.g. GM0415. */
  @Index('uq_municipality_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'Europe/Amsterdam' })
  timezone: string;

  /** Settings added in a later release read as their default until an admin changes them. */
  @Column({
    type: 'jsonb',
    transformer: {
      to: (settings: MunicipalitySettings) => settings,
      from: (stored: Partial<MunicipalitySettings>) => ({ ...defaultMunicipalitySettings(''), ...stored }),
    },
  })
  settings: MunicipalitySettings;
}
