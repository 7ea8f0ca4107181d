import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import {
  mockMaturityApi,
  NOW,
  testChecklist,
  testEntity,
  testExemption,
  testExemptions,
} from '../testData';
import { ExemptionsPanel } from './ExemptionsPanel';

jest.setTimeout(30_000);

async function renderPanel(
  api: ReturnType<typeof mockMaturityApi>,
  onChanged = jest.fn(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <ExemptionsPanel
          checklist={testChecklist}
          onChanged={onChanged}
          now={NOW}
        />
      </EntityProvider>
    </TestApiProvider>,
  );
  return onChanged;
}

const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'orders-api',
};

describe('ExemptionsPanel', () => {
  it('lets an owner request an exemption of an item without an open one', async () => {
    const api = mockMaturityApi({
      getEntityExemptions: jest.fn(async () =>
        testExemptions({
          exemptions: [
            testExemption({ itemId: 'error-budget-policy' }),
            testExemption({
              id: 'old',
              status: 'rejected',
              decidedBy: 'user:default/sre-lead',
              decidedAt: '2026-11-01T00:00:00.000Z',
              decisionComment: 'Fix it instead',
            }),
          ],
        }),
      ),
      requestExemption: jest.fn(async () => testExemption()),
    });
    const onChanged = await renderPanel(api);

    const open = await screen.findByRole('list', { name: 'Open exemptions' });
    expect(
      within(open).getByText('An agreed error-budget policy is followed'),
    ).toBeInTheDocument();
    expect(within(open).getByText('Awaiting decision')).toBeInTheDocument();
    const history = screen.getByRole('list', { name: 'Past exemptions' });
    expect(
      within(history).getByText('Decision: Fix it instead'),
    ).toBeInTheDocument();
    // Not an admin: no decisions.
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: /Checklist item/ }));
    const options = screen.getAllByRole('option').map(o => o.textContent);
    // The item with a pending request is not offered again.
    expect(options).not.toContain('An agreed error-budget policy is followed');
    await user.click(
      screen.getByRole('option', {
        name: 'A release can be rolled back quickly',
      }),
    );
    await user.type(
      screen.getByLabelText('Justification'),
      'Rollbacks come with the platform migration',
    );
    await user.click(screen.getByRole('button', { name: 'Request exemption' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.requestExemption).toHaveBeenCalledWith(entityRef, {
      itemId: 'rollback',
      justification: 'Rollbacks come with the platform migration',
      expiresAt: '2026-12-22',
    });
    expect(api.getEntityExemptions).toHaveBeenCalledTimes(2);
  });

  it('lets a reliability admin approve a pending exemption and revoke an active one with a reason', async () => {
    const api = mockMaturityApi({
      getEntityExemptions: jest.fn(async () =>
        testExemptions({
          canRequest: false,
          canDecide: true,
          exemptions: [
            testExemption(),
            testExemption({
              id: 'active',
              itemId: 'error-budget-policy',
              status: 'active',
              expiresAt: '2027-01-15T00:00:00.000Z',
              decidedBy: 'auto-approval',
              decidedAt: '2026-11-20T10:00:00.000Z',
            }),
          ],
        }),
      ),
      decideExemption: jest.fn(async () => testExemption({ status: 'active' })),
      revokeExemption: jest.fn(async () =>
        testExemption({ status: 'revoked' }),
      ),
    });
    await renderPanel(api);

    expect(
      await screen.findByText('Granted by auto-approval until 2027-01-15'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Request an exemption' }),
    ).not.toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    const pending = screen.getByTestId('exemption-rollback-pending');
    await user.type(within(pending).getByLabelText('Comment (optional)'), 'OK');
    await user.click(within(pending).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api.decideExemption).toHaveBeenCalledWith(entityRef, 'rollback', {
        decision: 'approve',
        comment: 'OK',
      }),
    );

    const active = screen.getByTestId('exemption-error-budget-policy-active');
    const revoke = within(active).getByRole('button', { name: 'Revoke' });
    expect(revoke).toBeDisabled();
    await user.type(within(active).getByLabelText('Reason'), 'Policy agreed');
    await user.click(revoke);
    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith(
        entityRef,
        'error-budget-policy',
        { reason: 'Policy agreed' },
      ),
    );
  });

  it('shows an error panel when the exemptions cannot be read', async () => {
    await renderPanel(
      mockMaturityApi({
        getEntityExemptions: jest
          .fn()
          .mockRejectedValue(new Error('backend down')),
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
