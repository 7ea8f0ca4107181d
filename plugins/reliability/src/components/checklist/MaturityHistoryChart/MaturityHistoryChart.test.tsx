import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { mockMaturityApi, testEntity } from '../testData';
import { historyPoints, MaturityHistoryChart } from './MaturityHistoryChart';

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const record = (createdAt: string, score: number | null) => ({
  id: createdAt,
  entityRef: 'component:default/orders-api',
  checklistVersion: 'v1',
  score,
  level: 'beginner',
  author: 'user:default/jonas.berg',
  createdAt,
});

async function renderChart(api: ReturnType<typeof mockMaturityApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <MaturityHistoryChart />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('MaturityHistoryChart', () => {
  it('leaves out assessments without a score', () => {
    expect(
      historyPoints([
        record('2026-10-01T00:00:00Z', null),
        record('2026-11-01T00:00:00Z', 64.5),
      ]),
    ).toEqual([
      {
        date: '2026-11-01',
        score: 64.5,
        level: 'beginner',
        author: 'user:default/jonas.berg',
      },
    ]);
  });

  it('shows an empty state without assessments', async () => {
    await renderChart(mockMaturityApi());
    expect(await screen.findByText('No assessments yet')).toBeInTheDocument();
  });

  it('summarises the history and draws the chart', async () => {
    await renderChart(
      mockMaturityApi({
        getEntityMaturityHistory: jest.fn(async () => ({
          entityRef: 'component:default/orders-api',
          assessments: [
            record('2026-10-01T00:00:00Z', 40),
            record('2026-11-01T00:00:00Z', 64.5),
          ],
        })),
      }),
    );
    expect(
      await screen.findByText(
        '2 assessments; latest 65 on 2026-11-01 by user:default/jonas.berg',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Maturity score over time' }),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderChart(
      mockMaturityApi({
        getEntityMaturityHistory: jest
          .fn()
          .mockRejectedValue(new Error('boom')),
      }),
    );
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });
});
