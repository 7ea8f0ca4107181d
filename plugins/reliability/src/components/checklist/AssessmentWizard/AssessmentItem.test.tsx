import { ChecklistItem } from '@internal/backstage-plugin-reliability-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AssessmentItem } from './AssessmentItem';

const item: ChecklistItem = {
  id: 'restore-tested',
  title: 'Backups are restored in regular tests',
  why: 'A backup never restored is a hope.',
  level: 'intermediate',
  category: 'capacity',
  weight: 2,
  kind: 'self-assessed',
};

async function renderItem(
  checklistItem: ChecklistItem,
  value?: Parameters<typeof AssessmentItem>[0]['value'],
) {
  await renderInTestApp(
    <AssessmentItem
      item={checklistItem}
      levelTitle="Intermediate"
      value={value}
      today="2026-11-22"
      onChange={jest.fn()}
    />,
  );
}

describe('AssessmentItem', () => {
  it('offers "Not applicable" only on items that allow it', async () => {
    await renderItem(item);
    expect(screen.getByLabelText('Yes')).toBeInTheDocument();
    expect(screen.queryByLabelText('Not applicable')).not.toBeInTheDocument();
  });

  it('asks for the reason of a "Not applicable" answer', async () => {
    await renderItem(
      { ...item, allowNotApplicable: true },
      { answer: 'not-applicable' },
    );
    expect(screen.getByLabelText('Not applicable')).toBeChecked();
    expect(
      screen.getByText('Say why the practice does not apply'),
    ).toBeInTheDocument();
  });
});
