import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { AlarmChip } from './AlarmChip';

/** The CSS rule text of the chip's own (non-MUI) class, from the injected style sheets. */
function ownRule(label: string): string | undefined {
  const chip = screen.getByText(label).closest('.MuiChip-root')!;
  const own = [...chip.classList].find(c => !c.startsWith('Mui'));
  if (!own) return undefined;
  return [...document.querySelectorAll('style')]
    .map(style => style.textContent ?? '')
    .join('\n')
    .match(new RegExp(`\\.${own} \\{[^}]*\\}`))?.[0];
}

describe('AlarmChip', () => {
  it('draws an alarm in white on the dark error red, and a plain chip otherwise', () => {
    render(
      <ThemeProvider theme={lightTheme}>
        <AlarmChip alarm label="Overdue" color="primary" />
        <AlarmChip alarm={false} label="On track" color="primary" />
      </ThemeProvider>,
    );
    const alarm = ownRule('Overdue');
    expect(alarm).toContain(
      `background-color: ${lightTheme.palette.error.dark}`,
    );
    expect(alarm).toContain('color: #fff');
    // The alarm colours replace the chip colour; without the alarm the chip keeps it.
    expect(
      screen.getByText('Overdue').closest('.MuiChip-root'),
    ).not.toHaveClass('MuiChip-colorPrimary');
    expect(ownRule('On track')).toBeUndefined();
    expect(screen.getByText('On track').closest('.MuiChip-root')).toHaveClass(
      'MuiChip-colorPrimary',
    );
  });
});
