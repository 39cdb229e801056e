/** Age bands for audiences and reports; the upper bound is exclusive. */
export const AGE_BANDS = {
  under_25: { from: 0, below: 25 },
  '25_44': { from: 25, below: 45 },
  '45_64': { from: 45, below: 65 },
  '65_74': { from: 65, below: 75 },
  '75_plus': { from: 75, below: 200 },
} as const;

export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_NAMES = Object.keys(AGE_BANDS) as AgeBand[];

/** SQL for the age band of a birth date on a given day (both SQL expressions), e.g. for monitor figures. */
export function ageBandSql(birthDate: string, onDay: string): string {
  const age = `date_part('year', age(${onDay}, ${birthDate}))`;
  return `CASE ${AGE_BAND_NAMES.map((band) => `WHEN ${age} < ${AGE_BANDS[band].below} THEN '${band}'`).join(' ')} END`;
}

/** One cell of a monitor figure: how many, in which wijk and age band (null: not known). */
export interface MonitorCount {
  figure: string;
  wijkId: string | null;
  ageBand: AgeBand | null;
  value: number;
}

/** A year as the half-open range of instants a monitor counts, in the municipality's time zone. */
export interface MonitorYear {
  municipalityId: string;
  year: number;
  /** SQL parameters $2 and $3 of the figure queries: the first instant of the year and of the next. */
  start: Date;
  end: Date;
}

/** A count about one carer (by carer or account id), which the carers context places in its wijk and age band. */
export interface CarerCount {
  figure: string;
  carerId?: string;
  accountId?: string;
  value: number;
}
