import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import {
  answer,
  mockMaturityApi,
  NOW,
  testChecklist,
  testEntity,
  testMaturity,
} from '../testData';
import { AssessmentWizard } from './AssessmentWizard';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'orders-api' };

async function renderWizard(
  api: ReturnType<typeof mockMaturityApi>,
  maturity = testMaturity(),
) {
  const onChanged = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <AssessmentWizard
          checklist={testChecklist}
          maturity={maturity}
          onChanged={onChanged}
          now={() => NOW}
        />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { onChanged };
}

describe('AssessmentWizard', () => {
  it('walks through the categories and submits the answers', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockMaturityApi();
    const { onChanged } = await renderWizard(api);

    // Step 1: SLOs — the automatic item is read-only with its result.
    const slo = await screen.findByTestId('item-slo-defined');
    expect(within(slo).getByText('Automatic: Passed')).toBeInTheDocument();
    expect(within(slo).getByText('2 SLOs defined')).toBeInTheDocument();
    expect(
      within(slo).getByText(/A shared target to steer by/),
    ).toBeInTheDocument();
    expect(within(slo).queryByRole('radio')).not.toBeInTheDocument();

    const policy = screen.getByTestId('item-error-budget-policy');
    await user.click(within(policy).getByLabelText('Partly'));
    await user.type(
      within(policy).getByLabelText(
        'Evidence link: An agreed error-budget policy is followed',
      ),
      'https://wiki.example.com/ebp',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(api.saveMaturityDraft).toHaveBeenLastCalledWith(ref, {
        checklistVersion: testChecklist.version,
        answers: {
          'error-budget-policy': {
            answer: 'partial',
            evidenceUrl: 'https://wiki.example.com/ebp',
          },
        },
        step: 1,
      }),
    );

    // Step 2: releases.
    const rollback = await screen.findByTestId('item-rollback');
    await user.click(within(rollback).getByLabelText('Yes'));
    await user.type(
      within(rollback).getByLabelText(
        'Note: A release can be rolled back quickly',
      ),
      'One click in the pipeline',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Review: preview of the resulting score, then submit.
    const review = await screen.findByLabelText('Review');
    // (3 automatic + 1.5 partial + 3 yes) / 9
    expect(review).toHaveTextContent('Score after submitting: 83');
    expect(review).toHaveTextContent('Level: Beginner');
    expect(review).toHaveTextContent('All 2 self-assessed items answered.');
    await user.click(screen.getByRole('button', { name: 'Submit assessment' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.submitMaturityAssessment).toHaveBeenCalledWith(ref, {
      checklistVersion: testChecklist.version,
      answers: {
        'error-budget-policy': {
          answer: 'partial',
          evidenceUrl: 'https://wiki.example.com/ebp',
        },
        rollback: { answer: 'yes', note: 'One click in the pipeline' },
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Assessment submitted: score 50, level Beginner.',
    );
  });

  it('lets readers who may not submit browse the checklist without drafts or submission', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockMaturityApi();
    await renderWizard(
      api,
      testMaturity(
        {
          rollback: {
            ...answer('yes'),
            evidenceUrl: 'https://wiki.example.com/rollback',
            note: 'One click in the pipeline',
          },
        },
        { canSubmit: false },
      ),
    );

    const notice = await screen.findByRole('note', { name: 'Read-only' });
    expect(notice).toHaveTextContent(
      'Only members of checkout-payments (or reliability admins) can submit assessments for this service.',
    );
    expect(
      within(notice).getByRole('link', { name: /checkout-payments/ }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout-payments');

    // Items and why they matter are there; answers are not editable.
    const policy = screen.getByTestId('item-error-budget-policy');
    expect(
      within(policy).getByText(/Gives the SLO consequences/),
    ).toBeInTheDocument();
    expect(
      within(policy).getByText('Not answered in the latest assessment.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Save draft' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Review & submit' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    const rollback = await screen.findByTestId('item-rollback');
    expect(rollback).toHaveTextContent(
      'Latest answer: Yes (valid until 2027-05-01)',
    );
    expect(
      within(rollback).getByRole('link', { name: /Evidence/ }),
    ).toHaveAttribute('href', 'https://wiki.example.com/rollback');
    expect(rollback).toHaveTextContent('One click in the pipeline');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Submit assessment' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      await screen.findByTestId('item-error-budget-policy'),
    ).toBeInTheDocument();
    expect(api.getMaturityDraft).not.toHaveBeenCalled();
    expect(api.saveMaturityDraft).not.toHaveBeenCalled();
    expect(api.submitMaturityAssessment).not.toHaveBeenCalled();
  });

  it('explains who may submit when the backend answers 403', async () => {
    const user = userEvent.setup({ delay: null });
    const forbidden = Object.assign(new Error('not allowed'), {
      name: 'ResponseError',
      statusCode: 403,
    });
    const api = mockMaturityApi({
      submitMaturityAssessment: jest.fn().mockRejectedValue(forbidden),
    });
    await renderWizard(api);
    await user.click(
      await screen.findByRole('button', { name: 'Review & submit' }),
    );
    await user.click(screen.getByRole('button', { name: 'Submit assessment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only members of checkout-payments (or reliability admins) can submit assessments for orders-api.',
    );
  });

  it('offers a reload when the checklist changed (409)', async () => {
    const user = userEvent.setup({ delay: null });
    const conflict = Object.assign(new Error('changed'), { statusCode: 409 });
    const api = mockMaturityApi({
      submitMaturityAssessment: jest.fn().mockRejectedValue(conflict),
    });
    const { onChanged } = await renderWizard(api);
    await user.click(
      await screen.findByRole('button', { name: 'Review & submit' }),
    );
    await user.click(screen.getByRole('button', { name: 'Submit assessment' }));
    await user.click(
      await screen.findByRole('button', { name: 'Reload checklist' }),
    );
    expect(onChanged).toHaveBeenCalled();
  });

  it('resumes a saved draft at its step and saves on demand', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockMaturityApi({
      getMaturityDraft: jest.fn(async () => ({
        entityRef: 'component:default/orders-api',
        checklistVersion: testChecklist.version,
        answers: { rollback: { answer: 'no' as const } },
        step: 1,
        updatedAt: '2026-11-20T08:00:00.000Z',
      })),
    });
    await renderWizard(api);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Resumed your draft from 2026-11-20.',
    );
    const rollback = screen.getByTestId('item-rollback');
    expect(within(rollback).getByLabelText('No')).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    expect(api.saveMaturityDraft).toHaveBeenCalledWith(ref, {
      checklistVersion: testChecklist.version,
      answers: { rollback: { answer: 'no' } },
      step: 1,
    });
  });

  it('pre-fills current answers, asks again for expired ones and blocks invalid links', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockMaturityApi();
    await renderWizard(
      api,
      testMaturity({
        'error-budget-policy': answer('yes', '2026-11-01T00:00:00.000Z'),
        rollback: answer('partial'),
      }),
    );
    const policy = await screen.findByTestId('item-error-budget-policy');
    expect(
      within(policy).getByText(
        'The previous answer (yes) has expired; answer again.',
      ),
    ).toBeInTheDocument();
    await user.click(within(policy).getByLabelText('Yes'));
    await user.type(
      within(policy).getByLabelText(
        'Evidence link: An agreed error-budget policy is followed',
      ),
      // eslint-disable-next-line no-script-url
      'javascript:alert(1)',
    );
    expect(within(policy).getByText('Use an http(s) link')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      within(await screen.findByTestId('item-rollback')).getByLabelText(
        'Partly',
      ),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      screen.getByRole('button', { name: 'Submit assessment' }),
    ).toBeDisabled();
  });
});
