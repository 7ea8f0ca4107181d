import { ReliabilitySearchDocument } from '@internal/backstage-plugin-reliability-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReliabilitySearchResultListItem } from './ReliabilitySearchResultListItem';

const rollback: ReliabilitySearchDocument = {
  title: 'Roll back checkout-api (canary and full)',
  text: 'Rollback procedure of Checkout API.\nkubectl argo rollouts -n checkout abort checkout-api',
  location:
    '/catalog/default/component/checkout-api/runbooks?runbook=rollback-checkout',
  kind: 'rollback',
  entityRef: 'component:default/checkout-api',
  entityTitle: 'Checkout API',
  owner: 'group:default/checkout-payments',
  lifecycle: 'production',
};

describe('ReliabilitySearchResultListItem', () => {
  it('links the result to the runbook in its entity tab and says what it is', async () => {
    await renderInTestApp(
      <ReliabilitySearchResultListItem result={rollback} />,
    );
    expect(
      screen.getByRole('link', {
        name: 'Roll back checkout-api (canary and full)',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/runbooks?runbook=rollback-checkout',
    );
    expect(screen.getByText(/kubectl argo rollouts/)).toBeInTheDocument();
    expect(screen.getByText('Rollback')).toBeInTheDocument();
    expect(screen.getByText('Entity: Checkout API')).toBeInTheDocument();
    expect(screen.getByText('Owner: checkout-payments')).toBeInTheDocument();
    expect(screen.getByText('Lifecycle: production')).toBeInTheDocument();
  });

  it('labels SLOs and pre-mortems', async () => {
    const slo: ReliabilitySearchDocument = {
      ...rollback,
      kind: 'slo',
      title: 'Checkout availability',
    };
    const premortem: ReliabilitySearchDocument = {
      ...rollback,
      kind: 'premortem',
    };
    const { unmount } = await renderInTestApp(
      <ReliabilitySearchResultListItem result={slo} />,
    );
    expect(screen.getByText('SLO')).toBeInTheDocument();
    unmount();
    await renderInTestApp(
      <ReliabilitySearchResultListItem result={premortem} />,
    );
    expect(screen.getByText('Pre-mortem')).toBeInTheDocument();
  });

  it('shows the highlighted words of the search engine', async () => {
    await renderInTestApp(
      <ReliabilitySearchResultListItem
        result={rollback}
        highlight={{
          preTag: '<mark>',
          postTag: '</mark>',
          fields: {
            title: 'Roll back <mark>checkout</mark>-api',
            text: '<mark>Rollback</mark> procedure of Checkout API.',
          },
        }}
      />,
    );
    expect(screen.getByText('checkout').tagName).toBe('MARK');
    expect(
      screen.getByText('Rollback', { selector: 'mark' }),
    ).toBeInTheDocument();
  });

  it('renders nothing without a result', async () => {
    const { container } = await renderInTestApp(
      <ReliabilitySearchResultListItem />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
