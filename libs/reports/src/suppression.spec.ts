import { ShownTable, suppress, SUPPRESSED, tableOf } from './suppression';

/** Every row and column with its total: the sums a reader could subtract. */
function equationsOf(shown: ShownTable): ShownTable['total'][][] {
  const rows = shown.cells.map((row, r) => [...row, shown.rowTotals[r]]);
  const totals = [...shown.columnTotals, shown.total];
  const grid = [...rows, totals];
  const columns = totals.map((_, c) => grid.map((row) => row[c]));
  return [...grid, ...columns];
}

function randomCells(seed: number, rows: number, columns: number): number[][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => (next() < 0.4 ? Math.floor(next() * 5) : Math.floor(next() * 60))),
  );
}

describe('small-number suppression', () => {
  it('shows counts of 5 and more as they are, and under 5 as "<5"', () => {
    const shown = suppress(
      tableOf([
        [12, 30],
        [7, 9],
      ]),
    );
    expect(shown).toEqual({
      cells: [
        [12, 30],
        [7, 9],
      ],
      rowTotals: [42, 16],
      columnTotals: [19, 39],
      total: 58,
    });
    const small = suppress(
      tableOf([
        [3, 30, 20],
        [7, 9, 4],
      ]),
    );
    expect(small.cells[0][0]).toBe(SUPPRESSED);
    expect(small.cells[1][2]).toBe(SUPPRESSED);
  });

  it('hides a second cell wherever one hidden cell could be recovered by subtraction', () => {
    // Alone in its row, the 3 would be 42 - 30 - 9 = 3.
    const shown = suppress(
      tableOf([
        [3, 30, 9],
        [20, 25, 40],
      ]),
    );
    for (const equation of equationsOf(shown))
      expect(equation.filter((value) => value === SUPPRESSED).length).not.toBe(1);
    expect(shown.cells[0].filter((value) => value === SUPPRESSED).length).toBeGreaterThanOrEqual(2);
  });

  it('never leaves exactly one hidden value in any row or column, on many random tables', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const cells = randomCells(seed, 1 + (seed % 7), 1 + (seed % 6));
      const shown = suppress(tableOf(cells));
      for (const equation of equationsOf(shown))
        expect(equation.filter((value) => value === SUPPRESSED).length).not.toBe(1);
      shown.cells.forEach((row, r) =>
        row.forEach((value, c) => expect(value === SUPPRESSED || (value >= 5 && value === cells[r][c])).toBe(true)),
      );
    }
  });
});
