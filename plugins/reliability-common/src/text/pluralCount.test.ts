import { pluralCount } from './pluralCount';

describe('pluralCount', () => {
  it.each([
    [0, 'SLO', undefined, '0 SLOs'],
    [1, 'SLO', undefined, '1 SLO'],
    [2, 'noisy alert', undefined, '2 noisy alerts'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
  ])('%p %p (%p) is %p', (count, word, words, expected) => {
    expect(pluralCount(count, word, words)).toBe(expected);
  });
});
