import { normaliseCodeFences } from './codeFences';

describe('normaliseCodeFences', () => {
  it('gives a fence without a language plaintext and maps shell aliases', () => {
    expect(
      normaliseCodeFences(
        [
          '```',
          'a',
          '```',
          '',
          '```sh',
          'b',
          '```',
          '~~~console',
          'c',
          '~~~',
        ].join('\n'),
      ),
    ).toBe(
      [
        '```plaintext',
        'a',
        '```',
        '',
        '```bash',
        'b',
        '```',
        '~~~shell',
        'c',
        '~~~',
      ].join('\n'),
    );
  });

  it('keeps known languages, indentation of list items and the rest of the info string', () => {
    expect(
      normaliseCodeFences(
        ['2. Check:', '', '   ```sql title', '   select 1;', '   ```'].join(
          '\n',
        ),
      ),
    ).toBe(
      ['2. Check:', '', '   ```sql title', '   select 1;', '   ```'].join('\n'),
    );
  });

  it('leaves the content of a block alone, including fences quoted inside a longer fence', () => {
    const markdown = [
      '````markdown',
      '```',
      'inner',
      '```',
      '````',
      'after',
    ].join('\n');
    expect(normaliseCodeFences(markdown)).toBe(markdown);
  });

  it('does not take inline code with three backticks for a fence', () => {
    const markdown = '```kubectl get pods``` lists the pods';
    expect(normaliseCodeFences(markdown)).toBe(markdown);
  });

  it('closes a block only with the same fence character', () => {
    expect(
      normaliseCodeFences(['~~~', '```', '~~~', '```', 'x', '```'].join('\n')),
    ).toBe(
      ['~~~plaintext', '```', '~~~', '```plaintext', 'x', '```'].join('\n'),
    );
  });
});
