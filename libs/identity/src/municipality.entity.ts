import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';
import { MunicipalitySettings } from './municipality-settings';

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

  @Column({ type: 'jsonb' })
  settings: MunicipalitySettings;
}
