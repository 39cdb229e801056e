/** Cells under this are shown as "<5": a monitor must never single out a person. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';

export type ShownValue = number | typeof SUPPRESSED;

/** A table of counts with its margins: rows × columns, a total per row, per column, and overall. */
export interface CountTable {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface ShownTable {
  cells: ShownValue[][];
  rowTotals: ShownValue[];
  columnTotals: ShownValue[];
  total: ShownValue;
}

export function tableOf(cells: number[][]): CountTable {
  const columns = cells[0]?.length ?? 0;
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, column) => cells.reduce((sum, row) => sum + row[column], 0));
  return { cells, rowTotals, columnTotals, total: rowTotals.reduce((sum, value) => sum + value, 0) };
}

/**
 * Suppresses every count under 5, then, wherever a row or column (with its total) would have
 * exactly one hidden cell, also hides its smallest shown cell: a single hidden cell could be
 * recovered by subtracting the others from the total. Repeats until no row or column has exactly one.
 */
export function suppress(table: CountTable): ShownTable {
  const rows = table.cells.length;
  const columns = table.columnTotals.length;
  // The full grid with margins: row `rows` holds column totals, column `columns` the row totals.
  const grid = [...table.cells.map((row, r) => [...row, table.rowTotals[r]]), [...table.columnTotals, table.total]];
  const hidden = grid.map((row) => row.map((value) => value < SUPPRESS_BELOW));
  const equations: Array<Array<[number, number]>> = [
    ...Array.from({ length: rows + 1 }, (_, r) =>
      Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number]),
    ),
    ...Array.from({ length: columns + 1 }, (_, c) =>
      Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number]),
    ),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const equation of equations) {
      if (equation.length < 2 || equation.filter(([r, c]) => hidden[r][c]).length !== 1) continue;
      const shown = equation
        .filter(([r, c]) => !hidden[r][c])
        .sort(([r1, c1], [r2, c2]) => grid[r1][c1] - grid[r2][c2]);
      const [r, c] = shown[0];
      hidden[r][c] = true;
      changed = true;
    }
  }
  const show = (r: number, c: number): ShownValue => (hidden[r][c] ? SUPPRESSED : grid[r][c]);
  return {
    cells: table.cells.map((row, r) => row.map((_, c) => show(r, c))),
    rowTotals: table.cells.map((_, r) => show(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => show(rows, c)),
    total: show(rows, columns),
  };
}
