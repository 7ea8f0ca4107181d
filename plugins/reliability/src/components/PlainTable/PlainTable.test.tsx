import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlainTable, PlainTableColumn } from './PlainTable';

interface Row {
  name: string;
  tier: string | null;
  count: number;
}

const columns: PlainTableColumn<Row>[] = [
  { title: 'Service', width: '50%', render: row => row.name },
  { title: 'Tier', render: row => row.tier ?? '—' },
  {
    title: 'Alerts',
    align: 'right',
    tooltip: 'Alerts firing now',
    render: row => row.count,
  },
];

describe('PlainTable', () => {
  it('draws one row per item under labelled column headers', async () => {
    render(
      <PlainTable
        title="Services (2)"
        columns={columns}
        rows={[
          { name: 'orders', tier: 'tier-1', count: 3 },
          { name: 'cart', tier: null, count: 0 },
        ]}
        rowKey={row => row.name}
        loading={false}
      />,
    );
    const table = screen.getByRole('table', { name: 'Services (2)' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(header => header.textContent)).toEqual([
      'Service',
      'Tier',
      'Alerts',
    ]);
    expect(headers[0]).toHaveStyle({ width: '50%' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'orderstier-13',
      'cart—0',
    ]);
    expect(within(rows[0]).getAllByRole('cell')[2]).toHaveClass(
      'MuiTableCell-alignRight',
    );
    expect(table).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // The header says what it means.
    await userEvent.hover(screen.getByText('Alerts'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Alerts firing now',
    );
  });

  it('shows a loading bar and marks the table busy while rows load', () => {
    render(
      <PlainTable
        title="Services"
        columns={columns}
        rows={[]}
        rowKey={row => row.name}
        loading
        loadingLabel="Loading services"
      />,
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
