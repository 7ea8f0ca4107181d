import { heldBackText } from './heldBackText';

describe('heldBackText', () => {
  it.each<[string[], number, string]>([
    [['On-call rotation'], 0, 'Beginner: On-call rotation not met'],
    [['A', 'B'], 0, 'Beginner: A and B not met'],
    [['A', 'B', 'C'], 0, 'Beginner: A, B and C not met'],
    [['A', 'B', 'C'], 2, 'Beginner: A, B, C and 2 more not met'],
  ])('names the unmet answers %j (+%d)', (items, more, text) => {
    expect(
      heldBackText(
        { nextLevel: 'beginner', source: 'answers', items, more },
        'Beginner',
      ),
    ).toBe(text);
  });

  it('names the recorded blockers as not met, a check without data as said', () => {
    expect(
      heldBackText(
        {
          nextLevel: 'intermediate',
          source: 'recorded',
          items: ['SLO alerts link a runbook (no data)', 'On-call rotation'],
          more: 0,
        },
        'Intermediate',
      ),
    ).toBe(
      'Intermediate: SLO alerts link a runbook (no data) and On-call rotation not met',
    );
  });

  it('names a lone automatic check as the one that did not pass', () => {
    expect(
      heldBackText(
        {
          nextLevel: 'beginner',
          source: 'automatic',
          items: ['SLOs defined'],
          more: 0,
        },
        'Beginner',
      ),
    ).toBe('Beginner: automatic check SLOs defined did not pass');
  });

  it('offers several automatic checks as alternatives, since their results are not kept', () => {
    expect(
      heldBackText(
        {
          nextLevel: 'beginner',
          source: 'automatic',
          items: ['A', 'B', 'C'],
          more: 1,
        },
        'Beginner',
      ),
    ).toBe('Beginner: an automatic check did not pass (A, B, C or 1 more)');
  });
});
