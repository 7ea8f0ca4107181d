/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { Entity } from '@backstage/catalog-model';
import {
  isTechDocsUrl,
  kindFromTitle,
  runbooksFromLinks,
} from './linkRunbooks';

function entityWithLinks(
  links: Array<{ url: string; title?: string; type?: string }>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders-api', links },
    spec: {},
  };
}

describe('runbooksFromLinks', () => {
  it('keeps only links of type runbook', () => {
    const drafts = runbooksFromLinks(
      entityWithLinks([
        {
          url: 'https://wiki.example.com/orders/runbook',
          title: 'Orders on-call runbook',
          type: 'runbook',
        },
        {
          url: 'https://grafana.example.com/d/orders',
          title: 'Dashboard',
          type: 'dashboard',
        },
        {
          url: 'https://wiki.example.com/orders/rollback',
          title: 'Rollback a release',
          type: 'runbook',
        },
      ]),
    );
    expect(
      drafts.map(d => [
        d.entry.title,
        d.entry.kind,
        d.entry.source,
        d.entry.url,
      ]),
    ).toEqual([
      [
        'Orders on-call runbook',
        'runbook',
        'link',
        'https://wiki.example.com/orders/runbook',
      ],
      [
        'Rollback a release',
        'rollback',
        'link',
        'https://wiki.example.com/orders/rollback',
      ],
    ]);
  });

  it('marks links to TechDocs pages, relative or under app.baseUrl', () => {
    const drafts = runbooksFromLinks(
      entityWithLinks([
        {
          url: '/docs/default/component/orders-api/runbooks/failover/',
          title: 'DB failover',
          type: 'runbook',
        },
        {
          url: 'https://backstage.example.com/docs/default/component/orders-api/rollback',
          title: 'Rollback',
          type: 'runbook',
        },
      ]),
      { appBaseUrl: 'https://backstage.example.com' },
    );
    expect(drafts.map(d => d.entry.source)).toEqual(['techdocs', 'techdocs']);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com/runbook',
    'file:///etc/passwd',
  ])('drops the URL of an unsafe link %j and reports it', url => {
    const [draft] = runbooksFromLinks(
      entityWithLinks([{ url, title: 'Bad', type: 'runbook' }]),
    );
    expect(draft.entry.url).toBeNull();
    expect(draft.entry.error).toMatch(/not an http\(s\) URL/);
  });

  it('derives a title from the URL when the link has none', () => {
    const [draft] = runbooksFromLinks(
      entityWithLinks([
        {
          url: 'https://wiki.example.com/runbooks/cache-warmup/',
          type: 'runbook',
        },
      ]),
    );
    expect(draft.entry.title).toBe('cache-warmup');
  });
});

describe('kindFromTitle', () => {
  it('recognises rollback, pre-mortem and postmortem titles', () => {
    expect(kindFromTitle('Roll back the payments deploy')).toBe('rollback');
    expect(kindFromTitle('Pre-mortem: Black Friday')).toBe('premortem');
    expect(kindFromTitle('Postmortem 2026-03-02')).toBe('postmortem');
    expect(kindFromTitle('High latency')).toBe('runbook');
  });
});

describe('isTechDocsUrl', () => {
  it('needs the /docs/<ns>/<kind>/<name> shape on the app origin', () => {
    expect(isTechDocsUrl('/docs/default/component/x')).toBe(true);
    expect(isTechDocsUrl('/docs/default')).toBe(false);
    expect(
      isTechDocsUrl(
        'https://other.example.com/docs/default/component/x',
        'https://backstage.example.com',
      ),
    ).toBe(false);
    expect(
      isTechDocsUrl('https://backstage.example.com/docs/default/component/x'),
    ).toBe(false);
  });
});
