import { renderInTestApp } from '@backstage/test-utils';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { screen } from '@testing-library/react';
import { WrappingListItemText } from './WrappingListItemText';

describe('WrappingListItemText', () => {
  it('gives a dense list item its wrapping rule (the Backstage theme keeps it on one line and cuts it off)', async () => {
    await renderInTestApp(
      <List dense>
        <ListItem>
          <WrappingListItemText
            primary="On-call"
            secondary="reliability.sre-portal.dev/oncall-schedule: checkout-payments-primary"
          />
        </ListItem>
      </List>,
    );
    const text = screen.getByText('On-call').closest('.MuiListItemText-root');
    expect(text).toHaveClass('MuiListItemText-dense');
    // jsdom's computed style does not follow the order of the style sheets (it reports the theme's nowrap), so
    // the wrapping itself was checked in the browser; here, that the text carries the rule.
    expect(text!.className).toMatch(/makeStyles-text-/);
    expect(
      screen.getByText(
        'reliability.sre-portal.dev/oncall-schedule: checkout-payments-primary',
      ),
    ).toBeInTheDocument();
  });
});
