import { splitTableCodeAtSpaces } from './tableCode';

describe('splitTableCodeAtSpaces', () => {
  it("splits the code spans of a table's rows into one a word", () => {
    expect(
      splitTableCodeAtSpaces(
        [
          'Run `kubectl get pods` first.',
          '',
          '| Symptom | What to do |',
          '| :-- | --: |',
          '| 503 on `POST /orders` | `kubectl -n orders delete pod <pod>` |',
          '| 5xx | `fraud-check.score`, `a  b` |',
          '',
          'After `the table` too.',
        ].join('\n'),
      ),
    ).toBe(
      [
        'Run `kubectl get pods` first.',
        '',
        '| Symptom | What to do |',
        '| :-- | --: |',
        '| 503 on `POST` `/orders` | `kubectl` `-n` `orders` `delete` `pod` `<pod>` |',
        '| 5xx | `fraud-check.score`, `a` `b` |',
        '',
        'After `the table` too.',
      ].join('\n'),
    );
  });

  it('leaves tables without outer pipes alone only where there is no delimiter row', () => {
    expect(
      splitTableCodeAtSpaces(['a | b', '--- | ---', '`x y` | z'].join('\n')),
    ).toBe(['a | b', '--- | ---', '`x` `y` | z'].join('\n'));
    expect(splitTableCodeAtSpaces('a | `x y`\nno table here')).toBe(
      'a | `x y`\nno table here',
    );
  });

  it('leaves fenced code blocks and double-backtick spans as written', () => {
    const fenced = [
      '```markdown',
      '| a | b |',
      '| - | - |',
      '| `x y` | z |',
      '```',
    ].join('\n');
    expect(splitTableCodeAtSpaces(fenced)).toBe(fenced);
    const doubled = ['| a |', '| - |', '| ``x ` y`` |'].join('\n');
    expect(splitTableCodeAtSpaces(doubled)).toBe(doubled);
  });
});
