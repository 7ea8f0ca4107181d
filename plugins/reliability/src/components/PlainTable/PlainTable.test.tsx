import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareBy } from './compareBy';
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
    expect(headers).toHaveLength(3);
    ['Service', 'Tier', 'Alerts'].forEach((name, index) =>
      expect(headers[index]).toHaveAccessibleName(name),
    );
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

  it('gives a header with a tooltip its meaning as its description, for readers who cannot hover it', () => {
    render(
      <PlainTable
        title="Services"
        columns={columns}
        rows={[{ name: 'orders', tier: 'tier-1', count: 3 }]}
        rowKey={row => row.name}
        loading={false}
      />,
    );
    const alerts = screen.getByRole('columnheader', { name: 'Alerts' });
    expect(alerts).toHaveAccessibleDescription('Alerts firing now');
    // The meaning is not part of the header's name (read with every cell of the column), nor is its info button.
    expect(alerts).toHaveAccessibleName('Alerts');
    expect(screen.getByText('Alerts firing now')).not.toBeVisible();
    // A header without a tooltip has no description.
    expect(
      screen.getByRole('columnheader', { name: 'Service' }),
    ).not.toHaveAttribute('aria-describedby');
  });

  it('gives a header with a tooltip that does not sort an info button, so the tooltip shows from the keyboard', async () => {
    render(
      <PlainTable
        title="Services"
        columns={columns}
        rows={[{ name: 'orders', tier: 'tier-1', count: 3 }]}
        rowKey={row => row.name}
        loading={false}
      />,
    );
    const alerts = screen.getByRole('columnheader', { name: 'Alerts' });
    const info = within(alerts).getByRole('button', { name: 'About Alerts' });
    expect(info).toHaveAccessibleDescription('Alerts firing now');
    // Headers without a meaning get no button.
    expect(
      within(screen.getByRole('columnheader', { name: 'Tier' })).queryByRole(
        'button',
      ),
    ).not.toBeInTheDocument();
    // The first stop of the keyboard in the table, and its tooltip shows on focus.
    await userEvent.tab();
    expect(info).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Alerts firing now',
    );
    // The title and its button wrap together.
    expect(info.parentElement).toHaveTextContent(/^Alerts$/);
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

describe('PlainTable sorting', () => {
  const sortable: PlainTableColumn<Row>[] = [
    {
      title: 'Service',
      render: row => row.name,
      sort: compareBy(row => row.name),
    },
    { title: 'Tier', render: row => row.tier ?? '—' },
    {
      title: 'Alerts',
      align: 'right',
      tooltip: 'Alerts firing now',
      render: row => row.count,
      sort: compareBy(row => row.count),
    },
  ];
  const services = [
    { name: 'orders', tier: 'tier-1', count: 3 },
    { name: 'cart', tier: null, count: 10 },
    { name: 'Search', tier: 'tier-2', count: 0 },
  ];
  const names = () =>
    within(screen.getByRole('table', { name: 'Services' }))
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
  const header = (name: string) =>
    screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  const renderSortable = () =>
    render(
      <PlainTable
        title="Services"
        columns={sortable}
        rows={services}
        rowKey={row => row.name}
        loading={false}
      />,
    );

  it('keeps the order the rows came in until a sortable header is clicked, then cycles up, down and back', async () => {
    renderSortable();
    expect(names()).toEqual(['orders', 'cart', 'Search']);
    expect(header('Alerts')).not.toHaveAttribute('aria-sort');
    // Only the columns with a sort are buttons.
    expect(
      within(header('Tier')).queryByRole('button'),
    ).not.toBeInTheDocument();

    const alerts = within(header('Alerts')).getByRole('button', {
      name: 'Alerts',
    });
    await userEvent.click(alerts);
    expect(names()).toEqual(['Search', 'orders', 'cart']);
    expect(header('Alerts')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(alerts);
    expect(names()).toEqual(['cart', 'orders', 'Search']);
    expect(header('Alerts')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(alerts);
    expect(names()).toEqual(['orders', 'cart', 'Search']);
    expect(header('Alerts')).not.toHaveAttribute('aria-sort');

    // Text sorts as people read it (case does not matter); the other header forgets its order.
    await userEvent.click(
      within(header('Service')).getByRole('button', { name: 'Service' }),
    );
    expect(names()).toEqual(['cart', 'orders', 'Search']);
    expect(header('Service')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Alerts')).not.toHaveAttribute('aria-sort');
  });

  it('describes a sortable header with a tooltip on its sort button too, shown or not', async () => {
    renderSortable();
    const alerts = within(header('Alerts')).getByRole('button', {
      name: 'Alerts',
    });
    expect(header('Alerts')).toHaveAccessibleDescription('Alerts firing now');
    expect(alerts).toHaveAccessibleDescription('Alerts firing now');
    // The tooltip points the button at itself while open (the button's own description wins, same words).
    await userEvent.hover(alerts);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Alerts firing now',
    );
    expect(alerts).toHaveAccessibleDescription('Alerts firing now');
    expect(
      within(header('Service')).getByRole('button', { name: 'Service' }),
    ).not.toHaveAttribute('aria-describedby');
  });

  it('sorts from the keyboard', async () => {
    renderSortable();
    await userEvent.tab();
    expect(
      within(header('Service')).getByRole('button', { name: 'Service' }),
    ).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(names()).toEqual(['cart', 'orders', 'Search']);
    await userEvent.tab();
    await userEvent.keyboard(' ');
    expect(names()).toEqual(['Search', 'orders', 'cart']);
    expect(header('Alerts')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts the whole list, not the page shown, and starts the pager over', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      name: `svc-${String(i).padStart(2, '0')}`,
      tier: null,
      count: i,
    }));
    render(
      <PlainTableContent
        label="Services"
        columns={sortable}
        rows={rows}
        rowKey={row => row.name}
        pageSize={5}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(names()).toEqual(['svc-05', 'svc-06', 'svc-07', 'svc-08', 'svc-09']);
    const alerts = within(header('Alerts')).getByRole('button');
    await userEvent.click(alerts);
    await userEvent.click(alerts);
    expect(names()).toEqual(['svc-11', 'svc-10', 'svc-09', 'svc-08', 'svc-07']);
    expect(screen.getByText('1-5 of 12')).toBeInTheDocument();
  });

  it('puts rows without a value first, ascending', () => {
    const byTier = compareBy<Row>(row => row.tier);
    expect([...services].sort(byTier).map(row => row.tier)).toEqual([
      null,
      'tier-1',
      'tier-2',
    ]);
    expect(
      compareBy<Row>(row => row.tier)(
        { ...services[0], tier: 'tier-10' },
        { ...services[0], tier: 'tier-2' },
      ),
    ).toBeGreaterThan(0);
  });
});

describe('PlainTable filter', () => {
  const rows = [
    { name: 'orders-api', tier: 'tier-1', count: 3 },
    { name: 'cart', tier: 'tier-2', count: 0 },
    { name: 'orders-worker', tier: 'tier-2', count: 1 },
  ];

  it('keeps the rows that hold every word typed, and says when none does', async () => {
    render(
      <PlainTable
        title="Services"
        columns={columns}
        rows={rows}
        rowKey={row => row.name}
        loading={false}
        filter={{
          label: 'Filter services',
          text: row => `${row.name} ${row.tier}`,
        }}
      />,
    );
    const field = screen.getByRole('searchbox', { name: 'Filter services' });
    const names = () =>
      within(screen.getByRole('table', { name: 'Services' }))
        .getAllByRole('row')
        .slice(1)
        .map(row => row.firstChild?.textContent);
    await userEvent.type(field, 'ORDERS');
    expect(names()).toEqual(['orders-api', 'orders-worker']);
    await userEvent.type(field, ' tier-2');
    expect(names()).toEqual(['orders-worker']);
    await userEvent.clear(field);
    await userEvent.type(field, 'billing');
    expect(names()).toEqual(['Nothing matches “billing”.']);
    await userEvent.clear(field);
    expect(names()).toEqual(['orders-api', 'cart', 'orders-worker']);
  });
});
