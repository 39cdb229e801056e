import { allInOrder } from './all-in-order';

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('allInOrder', () => {
  it('answers the values in the order given', async () => {
    await expect(allInOrder([later(20, 'a'), later(1, 2), Promise.resolve(true)])).resolves.toEqual(['a', 2, true]);
  });

  it('throws the first failure in the order given, not the first in time', async () => {
    await expect(allInOrder([later(30, 'first', true), later(1, 'second', true)])).rejects.toThrow('first');
  });
});
