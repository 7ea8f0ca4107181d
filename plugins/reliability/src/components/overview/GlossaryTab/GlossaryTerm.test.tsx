import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { rootRouteRef } from '../../../routes';
import { GLOSSARY } from './glossary';
import { GlossaryTab } from './GlossaryTab';
import { GlossaryTerm } from './GlossaryTerm';

describe('GlossaryTerm', () => {
  it('links a term to its entry on the Glossary tab', async () => {
    await renderInTestApp(
      <p>
        Mind the <GlossaryTerm term="error-budget">Error budget</GlossaryTerm>{' '}
        and the <GlossaryTerm term="mttr">mean time to restore</GlossaryTerm>.
      </p>,
      { mountedRoutes: { '/reliability': rootRouteRef } },
    );
    expect(
      await screen.findByRole('link', { name: 'Error budget' }),
    ).toHaveAttribute('href', '/reliability/glossary#error-budget');
    expect(
      screen.getByRole('link', { name: 'mean time to restore' }),
    ).toHaveAttribute('href', '/reliability/glossary#mttr');
  });

  it('keeps the term, and loads its definition on the first hover, where the reliability page is not mounted', async () => {
    await renderInTestApp(
      <GlossaryTerm term="pre-mortem">pre-mortems</GlossaryTerm>,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    const term = screen.getByText('pre-mortems');
    expect(term).toHaveAttribute('data-glossary-term', 'pre-mortem');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    fireEvent.mouseOver(term);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /imagines it has already failed/,
    );
    expect(term).toHaveAttribute('aria-describedby');
  });
});

describe('GlossaryTab anchors', () => {
  it('gives every entry the anchor GlossaryTerm links to, and scrolls to the one in the address', async () => {
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
      scrolled.push(this.id);
    };
    await renderInTestApp(<GlossaryTab />, {
      routeEntries: ['/glossary#mttr'],
    });
    await screen.findByText(GLOSSARY[0].term);
    for (const entry of GLOSSARY) {
      expect(document.getElementById(entry.id)).toHaveTextContent(entry.term);
    }
    expect(new Set(GLOSSARY.map(e => e.id)).size).toBe(GLOSSARY.length);
    expect(scrolled).toEqual(['mttr']);
    expect(document.getElementById('mttr')!.className).not.toEqual(
      document.getElementById('sli')!.className,
    );
  });
});
