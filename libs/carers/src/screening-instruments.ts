export type Burden = 'low' | 'moderate' | 'high';

export interface Instrument {
  id: string;
  version: string;
  name: string;
  /** Answers per statement: 0 = "nee!" ... 4 = "ja!". */
  scale: Record<'nl' | 'en', string[]>;
  statements: Array<Record<'nl' | 'en', string>>;
  /** An answer at or above this counts one point. */
  pointFrom: number;
  bands: Array<{ burden: Burden; from: number; to: number }>;
}

/**
 * EDIZ (Ervaren Druk door Informele Zorg): nine statements, one point for each
 * "ja" or "ja!", 0-3 low, 4-6 moderate, 7-9 high. A versioned definition, so other
 * instruments (EDIZ-plus, Caregiver Strain Index) are added beside it.
 */
export const EDIZ: Instrument = {
  id: 'ediz',
  version: '1',
  name: 'EDIZ',
  scale: { nl: ['nee!', 'nee', '+/-', 'ja', 'ja!'], en: ['no!', 'no', '+/-', 'yes', 'yes!'] },
  statements: [
    { nl: 'Ik heb te weinig tijd voor mezelf door de zorg', en: 'Caring leaves me too little time for myself' },
    { nl: 'Mijn lichamelijke gezondheid lijdt onder de zorg', en: 'My physical health suffers from caring' },
    {
      nl: 'De situatie van mijn naaste vraagt voortdurend mijn aandacht',
      en: "My loved one's situation constantly needs my attention",
    },
    {
      nl: 'Ik moet anderen vaak teleurstellen door de zorg',
      en: 'Because of caring I often have to disappoint others',
    },
    { nl: 'Ik voel me vaak moe door de zorg', en: 'Caring often makes me tired' },
    { nl: 'De combinatie van zorg met werk of gezin is zwaar', en: 'Combining care with work or family is hard' },
    { nl: 'Ik maak me zorgen over hoe het verder moet', en: 'I worry about how things will go on' },
    { nl: 'Ik voel me vaak opgejaagd', en: 'I often feel rushed' },
    { nl: 'De zorg is mij te zwaar geworden', en: 'Caring has become too heavy for me' },
  ],
  pointFrom: 3,
  bands: [
    { burden: 'low', from: 0, to: 3 },
    { burden: 'moderate', from: 4, to: 6 },
    { burden: 'high', from: 7, to: 9 },
  ],
};

export const INSTRUMENTS: Record<string, Instrument> = { [EDIZ.id]: EDIZ };

export interface ScreeningResult {
  score: number;
  maxScore: number;
  burden: Burden;
  /** Which statements counted, by number (1-based), so the score is explained. */
  countedStatements: number[];
  band: { from: number; to: number };
}

export function scoreScreening(instrument: Instrument, answers: number[]): ScreeningResult {
  if (answers.length !== instrument.statements.length)
    throw new Error(`${instrument.name} needs ${instrument.statements.length} answers`);
  const countedStatements = answers.flatMap((answer, index) => (answer >= instrument.pointFrom ? [index + 1] : []));
  const score = countedStatements.length;
  const band = instrument.bands.find((candidate) => score >= candidate.from && score <= candidate.to)!;
  return {
    score,
    maxScore: instrument.statements.length,
    burden: band.burden,
    countedStatements,
    band: { from: band.from, to: band.to },
  };
}
