/** One figure held against its target, as printed in the summary table. */
export interface TargetCheck {
  benchmark: string;
  measure: string;
  value: number;
  target: string;
  met: boolean;
}

export interface BenchResult {
  /** Every figure measured, product and baseline side by side. */
  figures: Record<string, string | number | boolean>;
  targets: TargetCheck[];
}

export function atLeast(benchmark: string, measure: string, value: number, minimum: number): TargetCheck {
  return { benchmark, measure, value, target: `>= ${minimum}`, met: value >= minimum };
}

export function below(benchmark: string, measure: string, value: number, maximum: number): TargetCheck {
  return { benchmark, measure, value, target: `< ${maximum}`, met: value < maximum };
}

export function exactly(benchmark: string, measure: string, value: number, expected: number): TargetCheck {
  return { benchmark, measure, value, target: `= ${expected}`, met: value === expected };
}

export function ratio(product: number, baseline: number): number {
  return baseline > 0 ? Math.round((product / baseline) * 1000) / 1000 : 0;
}
