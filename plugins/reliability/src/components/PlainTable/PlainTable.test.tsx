import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlainTable, PlainTableColumn, PlainTableContent } from './PlainTable';

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

  it('pages a long list by the page size, and shows no pager for a short one', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({
      name: `svc-${String(i).padStart(2, '0')}`,
      tier: null,
      count: i,
    }));
    const names = () =>
      within(screen.getByRole('table', { name: 'My services' }))
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);
    const pagedList = (shown: Row[]) => (
      <PlainTableContent
        label="My services"
        columns={columns}
        rows={shown}
        rowKey={row => row.name}
        pageSize={10}
      />
    );
    const { rerender } = render(pagedList(rows));
    expect(names()).toEqual(rows.slice(0, 10).map(row => row.name));
    expect(screen.getByText('1-10 of 23')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(names()).toEqual(['svc-20', 'svc-21', 'svc-22']);
    // The list shrinks under the pager: its last page is shown.
    rerender(pagedList(rows.slice(0, 15)));
    expect(names()).toEqual(rows.slice(10, 15).map(row => row.name));
    rerender(pagedList(rows.slice(0, 4)));
    expect(names()).toHaveLength(4);
    expect(
      screen.queryByRole('button', { name: 'Next page' }),
    ).not.toBeInTheDocument();
  });

  it('says what an empty list means in one row across the columns', () => {
    render(
      <PlainTable
        title="Load per person"
        columns={columns}
        rows={[]}
        rowKey={row => row.name}
        loading={false}
        emptyMessage="No shifts recorded yet."
      />,
    );
    const cell = within(
      screen.getByRole('table', { name: 'Load per person' }),
    ).getByRole('cell');
    expect(cell).toHaveTextContent('No shifts recorded yet.');
    expect(cell).toHaveAttribute('colspan', '3');
  });
});
