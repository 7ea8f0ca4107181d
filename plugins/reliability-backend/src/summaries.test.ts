import { LateSummarySource } from './summaries';

describe('LateSummarySource', () => {
  it('fails until its source is provided, then reads through it', async () => {
    const late = new LateSummarySource<number>('the answers');
    await expect(late.getSummaries(['a'])).rejects.toThrow(
      'the answers is not wired yet',
    );
    late.provide({ getSummaries: async refs => new Map([[refs[0], 1]]) });
    expect(await late.getSummaries(['a'])).toEqual(new Map([['a', 1]]));
  });
});
