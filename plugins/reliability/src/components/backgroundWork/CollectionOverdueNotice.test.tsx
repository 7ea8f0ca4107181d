import { render, screen } from '@testing-library/react';
import { CollectionOverdueNotice } from './CollectionOverdueNotice';

describe('CollectionOverdueNotice', () => {
  it('says how old the figures are when collection is behind', () => {
    render(
      <CollectionOverdueNotice
        overdue={{ checkedAt: '2026-12-01T04:00:00.000Z' }}
        now={new Date('2026-12-01T10:00:00.000Z')}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'SLO collection is behind: these figures were last checked 6 hours ago and may be out of date.',
    );
  });

  it('says nothing when collection is on time', () => {
    const { container } = render(
      <CollectionOverdueNotice overdue={undefined} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
