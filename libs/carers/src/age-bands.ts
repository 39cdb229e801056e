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
