import { renderInTestApp } from '@backstage/test-utils';
import { waitFor } from '@testing-library/react';
import { RunbookMarkdown } from './RunbookMarkdown';

async function render(markdown: string) {
  const { container } = await renderInTestApp(
    <RunbookMarkdown markdown={markdown} />,
  );
  return container;
}

function hrefs(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[href]')).map(
    e => e.getAttribute('href') ?? '',
  );
}

function allAttributes(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('*')).flatMap(e =>
    Array.from(e.attributes).map(a => `${a.name}=${a.value}`),
  );
}

/**
 * The values the page's style rules declare for an element's property. jsdom's computed style does not weigh
 * selectors' specificity, so MarkdownContent's own `td { word-break: break-word }` would hide the plugin's rule.
 */
function declared(element: Element, property: string): string[] {
  return Array.from(document.styleSheets)
    .flatMap(sheet => Array.from(sheet.cssRules))
    .filter(
      (rule): rule is CSSStyleRule =>
        rule instanceof CSSStyleRule && element.matches(rule.selectorText),
    )
    .map(rule => rule.style.getPropertyValue(property))
    .filter(Boolean);
}

describe('RunbookMarkdown', () => {
  it('renders GitHub-flavoured Markdown with safe links', async () => {
    const container = await render(
      [
        '# Roll back',
        '',
        '| Step | Command |',
        '| --- | --- |',
        '| 1 | `kubectl rollout undo deployment/orders-api` |',
        '',
        '[Dashboard](https://grafana.example.com/d/orders) and [the other runbook](/docs/default/component/orders-api/db)',
      ].join('\n'),
    );
    expect(container.querySelector('h1')?.textContent).toBe('Roll back');
    expect(container.querySelector('table')).not.toBeNull();
    expect(hrefs(container)).toEqual([
      'https://grafana.example.com/d/orders',
      '/docs/default/component/orders-api/db',
    ]);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JavaScript:alert(1))',
    '[x](java%0ascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<a href="javascript:alert(1)">x</a>',
  ])('renders no dangerous href for %j', async markdown => {
    const container = await render(`${markdown}\n\nend`);
    for (const href of hrefs(container)) {
      expect(href.toLowerCase()).not.toMatch(/^\s*(javascript|data|vbscript):/);
      expect(href.toLowerCase()).not.toContain('script:');
    }
    // the text is still shown, just not as a dangerous link
    expect(container.textContent).toContain('end');
    expect(container.textContent?.length).toBeGreaterThan('end'.length);
  });

  it('renders every fenced code block as a code snippet, with or without a language', async () => {
    const container = await render(
      [
        '## Check',
        '',
        '```',
        'curl -s https://orders.internal/healthz',
        '```',
        '',
        '1. Look at the cache:',
        '',
        '   ```sh',
        '   redis-cli info memory',
        '   ```',
        '',
        '~~~sql',
        'select count(*) from orders;',
        '~~~',
      ].join('\n'),
    );
    await waitFor(() =>
      expect(
        Array.from(container.querySelectorAll('code')).map(code => [
          code.className,
          code.textContent,
        ]),
      ).toEqual([
        ['language-plaintext', 'curl -s https://orders.internal/healthz'],
        ['language-bash', 'redis-cli info memory'],
        ['language-sql', 'select count(*) from orders;'],
      ]),
    );
  });

  it('keeps code in tables whole, wrapping a command between its words only', async () => {
    // MarkdownContent broke table cells anywhere: "payments.authori ze", "fraud- check.score".
    const container = await render(
      [
        '| Slow span | Next step |',
        '| --------- | --------- |',
        '| `fraud-check.score` | `kubectl -n orders delete pod <pod>` and watch |',
        '',
        'Outside a table `kubectl get pods` stays one span.',
      ].join('\n'),
    );
    const cell = container.querySelector('td')!;
    expect(declared(cell, 'word-break')).toContain('normal');
    expect(declared(cell, 'overflow-wrap')).toContain('normal');
    const code = Array.from(container.querySelectorAll('td code'));
    expect(code.map(c => c.textContent)).toEqual([
      'fraud-check.score',
      'kubectl',
      '-n',
      'orders',
      'delete',
      'pod',
      '<pod>',
    ]);
    for (const word of code) {
      expect(declared(word, 'white-space')).toEqual(['nowrap']);
    }
    // The command reads (and copies) as written.
    expect(container.querySelectorAll('td')[1].textContent).toBe(
      'kubectl -n orders delete pod <pod> and watch',
    );
    expect(
      Array.from(container.querySelectorAll('p code')).map(c => c.textContent),
    ).toEqual(['kubectl get pods']);
    // A table wider than its card scrolls sideways.
    expect(declared(container.querySelector('table')!, 'overflow-x')).toEqual([
      'auto',
    ]);
  });

  it('drops <script>, event handlers and unsafe image sources from raw HTML', async () => {
    const container = await render(
      [
        'Before',
        '',
        '<script>window.__pwned = true</script>',
        '',
        '<img src="x" onerror="window.__pwned = true">',
        '',
        '<div onclick="alert(1)" style="position:fixed">click</div>',
        '',
        '![img](javascript:alert(1)) ![data](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
        '',
        '<iframe src="https://evil.example.com"></iframe>',
        '',
        '<svg><script>alert(1)</script></svg>',
      ].join('\n'),
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('svg script')).toBeNull();
    const attributes = allAttributes(container);
    expect(attributes.filter(a => /^on/i.test(a))).toEqual([]);
    expect(attributes.filter(a => /^style=/i.test(a))).toEqual([]);
    expect(
      attributes.filter(a => /(javascript|data|vbscript):/i.test(a)),
    ).toEqual([]);
    expect(
      (window as unknown as { __pwned?: boolean }).__pwned,
    ).toBeUndefined();
  });
});
