import { renderInTestApp } from '@backstage/test-utils';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { screen } from '@testing-library/react';
import { WholeWordsTable } from './WholeWordsTable';

describe('WholeWordsTable', () => {
  it('is a table with its whole-words class, in a box that scrolls sideways', async () => {
    await renderInTestApp(
      <WholeWordsTable aria-label="Incidents">
        <TableBody>
          <TableRow>
            <TableCell>Severity</TableCell>
          </TableRow>
        </TableBody>
      </WholeWordsTable>,
    );
    // Whole words: jsdom's computed style ignores selector specificity, so the rule is checked in the browser
    // (the incidents table's "Severity" header, no longer "Sever ity"); here, that the table carries it.
    expect(screen.getByRole('table', { name: 'Incidents' }).className).toMatch(
      /makeStyles-table/,
    );
    // It scrolls sideways in its own box rather than widening the card.
    expect(
      screen.getByRole('table', { name: 'Incidents' }).parentElement,
    ).toHaveStyle({ overflowX: 'auto' });
  });
});
