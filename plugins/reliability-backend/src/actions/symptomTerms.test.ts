import { MAX_SYMPTOM_TERMS, symptomTerms } from './symptomTerms';

describe('symptomTerms', () => {
  it('keeps the words worth searching, lower case, once each', () => {
    expect(
      symptomTerms('Checkout is SLOW and the latency is high; checkout!'),
    ).toEqual(['checkout', 'slow', 'latency', 'high']);
    expect(symptomTerms('checkout-api-fast-burn')).toEqual([
      'checkout',
      'api',
      'fast',
      'burn',
    ]);
  });

  it('searches at most a few words', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    expect(symptomTerms(words)).toHaveLength(MAX_SYMPTOM_TERMS);
  });
});
