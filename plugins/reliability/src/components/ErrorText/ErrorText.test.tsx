import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme, darkTheme } from '@backstage/theme';
import { ErrorText } from './ErrorText';

function contrast(foreground: string, background: string) {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number);
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [hi, lo] = [luminance(foreground), luminance(background)].sort(
    (a, b) => b - a,
  );
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (color: string) =>
  `rgb(${[1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16)).join(', ')})`;

describe('ErrorText', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'is readable (4.5:1 or more) on the %s theme backgrounds',
    (_name, theme) => {
      render(
        <ThemeProvider theme={theme}>
          <ErrorText component="span">Provider failed</ErrorText>
        </ThemeProvider>,
      );
      const { color } = getComputedStyle(screen.getByText('Provider failed'));
      for (const background of [
        theme.palette.background.paper,
        theme.palette.background.default,
      ]) {
        expect(contrast(color, hex(background))).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('renders the element it is given', () => {
    render(<ErrorText component="span">Failed</ErrorText>);
    expect(screen.getByText('Failed').tagName).toBe('SPAN');
  });
});
