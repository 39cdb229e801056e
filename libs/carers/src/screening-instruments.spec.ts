import { EDIZ, scoreScreening } from './screening-instruments';

const answersWith = (points: number) => Array.from({ length: 9 }, (_, index) => (index < points ? 3 : 2));

describe('EDIZ scoring', () => {
  it.each([
    [0, 'low'],
    [3, 'low'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'high'],
    [9, 'high'],
  ])('scores %i points as %s burden', (points, burden) => {
    expect(scoreScreening(EDIZ, answersWith(points))).toMatchObject({ score: points, maxScore: 9, burden });
  });

  it('counts "ja" and "ja!" only, and explains which statements counted', () => {
    expect(scoreScreening(EDIZ, [4, 3, 2, 1, 0, 0, 0, 0, 4]).countedStatements).toEqual([1, 2, 9]);
  });

  it('refuses a wrong number of answers', () => {
    expect(() => scoreScreening(EDIZ, [1, 2, 3])).toThrow('needs 9 answers');
  });
});
