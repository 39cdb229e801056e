import { csvLine } from './post-list';

describe('csvLine', () => {
  it('quotes separators and quotes, and defuses formulas', () => {
    expect(csvLine(['de Vries, A.', 'say "hi"', '=HYPERLINK("x")', 'plain'])).toBe(
      '"de Vries, A.","say ""hi""","\'=HYPERLINK(""x"")",plain\r\n',
    );
  });
});
