import { render, screen, within } from '@testing-library/react';
import { testRow } from '../testData';
import { ServiceColumn, ServicesTable } from './ServicesTable';

const columns: ServiceColumn[] = [
  { title: 'Service', width: '50%', render: row => row.entityRef },
  { title: 'Tier', width: '50%', render: row => row.tier ?? '—' },
];

describe('ServicesTable', () => {
  it('draws one row per service under labelled column headers', () => {
    render(
      <ServicesTable
        title="Services (2)"
        columns={columns}
        rows={[
          testRow('orders', { tier: 'tier-1' }),
          testRow('cart', { tier: null }),
        ]}
        loading={false}
      />,
    );
    const table = screen.getByRole('table', { name: 'Services (2)' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Service', 'Tier']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'component:default/orderstier-1',
      'component:default/cart—',
    ]);
    expect(table).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows a loading bar and marks the table busy while a page loads', () => {
    render(
      <ServicesTable title="Services" columns={columns} rows={[]} loading />,
    );
    expect(
      screen.getByRole('progressbar', { name: 'Loading services' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Services' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  });
});
