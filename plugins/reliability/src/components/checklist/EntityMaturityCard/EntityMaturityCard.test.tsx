import { screen, within } from '@testing-library/react';
import { scoreChecklist } from '@internal/backstage-plugin-reliability-common';
import {
  answer,
  mockMaturityApi,
  NOW,
  testAutomatic,
  testChecklist,
  testEntity,
  testMaturity,
} from '../testData';
import { EntityMaturityCard } from './EntityMaturityCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockMaturityApi>) {
  return renderWithEntity(testEntity, <EntityMaturityCard />, api);
}

describe('EntityMaturityCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(() => new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest
          .fn()
          .mockRejectedValue(new Error('backend down')),
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('invites a first assessment when nothing can be scored', async () => {
    const maturity = testMaturity();
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () => ({
          ...maturity,
          explanation: { ...maturity.explanation, score: null },
        })),
      }),
    );
    expect(await screen.findByText('Not assessed yet')).toBeInTheDocument();
    expect(screen.getByText('Self-assess').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/orders-api/maturity',
    );
  });

  it('links owners to the wizard with "Self-assess"', async () => {
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () =>
          testMaturity({ rollback: answer('yes') }),
        ),
      }),
    );
    expect(
      (await screen.findByText('Self-assess')).closest('a'),
    ).toHaveAttribute('href', '/catalog/default/component/orders-api/maturity');
    expect(
      screen.queryByRole('note', { name: 'Read-only' }),
    ).not.toBeInTheDocument();
  });

  it('tells readers who may not submit who can, and offers to browse the checklist', async () => {
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () =>
          testMaturity({ rollback: answer('yes') }, { canSubmit: false }),
        ),
      }),
    );
    const notice = await screen.findByRole('note', { name: 'Read-only' });
    expect(notice).toHaveTextContent(
      'Only members of checkout-payments (or reliability admins) can submit assessments for this service.',
    );
    const owner = within(notice).getByRole('link', {
      name: /checkout-payments/,
    });
    expect(owner).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout-payments',
    );
    expect(screen.queryByText('Self-assess')).not.toBeInTheDocument();
    expect(
      screen.getByText('Browse the checklist').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/component/orders-api/maturity');
  });

  it('shows score, level, items to fix and expired answers', async () => {
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () =>
          testMaturity({
            rollback: answer('yes'),
            'error-budget-policy': answer('yes', '2026-11-01T00:00:00.000Z'),
          }),
        ),
      }),
    );
    // (3 + 3 + 0) / 9
    expect(await screen.findByLabelText('Maturity score')).toHaveTextContent(
      '67%',
    );
    // The gauge's small figure, which fits inside its 140 px ring.
    expect(screen.getByText('67%').className).toMatch(
      /BackstageGauge-overlaySmall/,
    );
    expect(
      screen.getByLabelText('Maturity level: Beginner'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 item to reach Intermediate'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Warning: 1 answer has expired and no longer counts'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Items to fix next')).toHaveTextContent(
      'An agreed error-budget policy is followed',
    );
    expect(
      screen.getByText('Production-readiness items all pass'),
    ).toBeInTheDocument();
  });

  it('flags an assessment made against an older checklist', async () => {
    const maturity = testMaturity({ rollback: answer('no') });
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () => ({
          ...maturity,
          outdatedChecklist: true,
          latestAssessment: {
            ...maturity.latestAssessment!,
            checklistVersion: '2026.01.1',
          },
        })),
      }),
    );
    expect(
      await screen.findByText(
        'Info: The checklist changed since the last assessment',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Maturity level: No level yet'),
    ).toBeInTheDocument();
  });

  it('names the items to the next level when an automatic check without data blocks it (Fix next leaves those out)', async () => {
    const answers = {
      rollback: answer('yes'),
      'error-budget-policy': answer('yes'),
    };
    const explanation = scoreChecklist({
      checklist: testChecklist,
      answers,
      automatic: [],
      now: NOW,
    });
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () => ({
          ...testMaturity(answers),
          explanation,
        })),
      }),
    );
    expect(await screen.findByLabelText('Maturity score')).toHaveTextContent(
      '100%',
    );
    expect(
      screen.getByLabelText('Maturity level: No level yet'),
    ).toBeInTheDocument();
    // "Fix next" leaves out checks without data; the line beside the level names it.
    expect(
      screen.getByText(
        '1 item to reach Beginner: The service has at least one SLO (no data)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByLabelText('Items to fix next'),
    ).not.toBeInTheDocument();
  });

  it('says how many items are exempt and until when', async () => {
    const maturity = testMaturity({ rollback: answer('yes') });
    const explanation = scoreChecklist({
      checklist: testChecklist,
      answers: { rollback: answer('yes') },
      automatic: testAutomatic,
      exemptions: {
        'error-budget-policy': {
          expiresAt: '2027-01-16T00:00:00.000Z',
          grantedBy: 'user:default/sre-lead',
        },
      },
      now: NOW,
    });
    await renderCard(
      mockMaturityApi({
        getEntityMaturity: jest.fn(async () => ({ ...maturity, explanation })),
      }),
    );
    expect(
      await screen.findByText(
        '1 item exempt (left out of the score) until 2027-01-16',
      ),
    ).toBeInTheDocument();
  });
});
