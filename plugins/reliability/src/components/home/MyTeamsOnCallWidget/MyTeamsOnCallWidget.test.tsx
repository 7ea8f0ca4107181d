import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testGroupOnCall } from '../../oncall/testData';
import { MyTeamsOnCallWidget } from './MyTeamsOnCallWidget';

async function renderWidget(
  ownershipEntityRefs: string[],
  getGroupOnCall: jest.Mock,
) {
  const api = { getGroupOnCall };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/ana.silva',
            ownershipEntityRefs,
          }),
        ],
        [reliabilityApiRef, api as any],
      ]}
    >
      <MyTeamsOnCallWidget />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('MyTeamsOnCallWidget', () => {
  it("shows who is on call for each of the user's groups, never for the user ref itself", async () => {
    const getGroupOnCall = jest.fn(async () => testGroupOnCall());
    await renderWidget(
      ['user:default/ana.silva', 'group:default/payments'],
      getGroupOnCall,
    );
    const ana = (await screen.findByText('Ana Silva')).closest('tr')!;
    expect(within(ana).getByText('payments')).toBeInTheDocument();
    expect(getGroupOnCall).toHaveBeenCalledTimes(1);
    expect(getGroupOnCall).toHaveBeenCalledWith({
      kind: 'group',
      namespace: 'default',
      name: 'payments',
    });
    expect(
      screen.getByText(/1 service shows the last known people/),
    ).toBeInTheDocument();
  });

  it('says so when the user is in no team', async () => {
    const getGroupOnCall = jest.fn();
    await renderWidget(['user:default/ana.silva'], getGroupOnCall);
    expect(
      await screen.findByText('You are not in any team'),
    ).toBeInTheDocument();
    expect(getGroupOnCall).not.toHaveBeenCalled();
  });

  it('shows the teams that loaded and names the ones that failed', async () => {
    const getGroupOnCall = jest.fn(async (ref: { name: string }) => {
      if (ref.name === 'broken') throw new Error('backend unavailable');
      return testGroupOnCall();
    });
    await renderWidget(
      ['group:default/payments', 'group:default/broken'],
      getGroupOnCall,
    );
    expect(await screen.findByText('Ana Silva')).toBeInTheDocument();
    expect(
      screen.getByText(/On-call of 1 team could not be loaded$/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/group:default\/broken: backend unavailable/).length,
    ).toBeGreaterThan(0);
  });
});
