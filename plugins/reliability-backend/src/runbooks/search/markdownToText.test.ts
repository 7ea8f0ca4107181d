import { markdownToText } from './markdownToText';

describe('markdownToText', () => {
  it('keeps the words of a runbook and drops the markup', () => {
    const markdown = [
      '---',
      'title: Roll back checkout-api',
      'kind: rollback',
      '---',
      '',
      '> Demo rollback procedure.',
      '',
      '# Roll back checkout-api',
      '',
      'Ships with **Argo Rollouts**: _10 %_ canary, see the [dashboard](https://grafana.example/d/1).',
      '',
      '```sh',
      'kubectl argo rollouts -n checkout abort checkout-api',
      '```',
      '',
      '- No orders stuck in `PENDING_PAYMENT`.',
      '1. Check ![the graph](https://img.example/g.png) <br/> again',
      '',
      '| step | who |',
      '| ---- | :-: |',
      '| undo | SRE |',
      '',
      '***',
      '<!-- internal note -->',
      'Details at <https://wiki.example/rollback>.',
    ].join('\n');

    expect(markdownToText(markdown)).toBe(
      [
        'Demo rollback procedure.',
        'Roll back checkout-api',
        'Ships with Argo Rollouts: 10 % canary, see the dashboard.',
        'kubectl argo rollouts -n checkout abort checkout-api',
        'No orders stuck in PENDING_PAYMENT.',
        'Check the graph again',
        'step who',
        'undo SRE',
        'Details at https://wiki.example/rollback.',
      ].join('\n'),
    );
  });

  it('keeps snake_case words and arithmetic intact', () => {
    expect(markdownToText('Set max_pool_size to 2 * 3 * 4.')).toBe(
      'Set max_pool_size to 2 * 3 * 4.',
    );
  });

  it('cuts the text at the maximum length', () => {
    expect(markdownToText(`# Title\n\n${'word '.repeat(100)}`, 20)).toBe(
      'Title\nword word word',
    );
  });

  it('stays fast on pathological input', () => {
    const start = Date.now();
    for (const input of [
      `${'-'.repeat(20_000)}x`,
      '*a'.repeat(10_000),
      '**a '.repeat(5_000),
      '[a'.repeat(10_000),
      '<a '.repeat(7_000),
      `---${' '.repeat(20_000)}x`,
      `${'|---'.repeat(5_000)}x`,
    ]) {
      markdownToText(input);
    }
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
