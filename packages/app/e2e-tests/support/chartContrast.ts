import { Locator } from '@playwright/test';

/**
 * The lowest WCAG contrast ratio between the text drawn inside the charts (SVG `<text>`: axis ticks, labels)
 * under `scope` and the background they are drawn on (the nearest ancestor with an opaque background colour).
 * axe does not check SVG text, so the charts' readability in each theme is measured here.
 * Returns null when `scope` holds no chart text.
 */
export async function lowestChartTextContrast(scope: Locator): Promise<{
  ratio: number;
  text: string;
  fill: string;
  background: string;
} | null> {
  return scope.evaluate(root => {
    const parse = (css: string) => {
      const [r, g, b, a] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: a ?? 1 };
    };
    const luminance = (css: string) => {
      const { r, g, b } = parse(css);
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element) => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const color = getComputedStyle(e).backgroundColor;
        if (parse(color).a >= 0.99) return color;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    // A translucent fill (the theme's secondary text is rgba) is seen blended over its background.
    const over = (fill: string, background: string) => {
      const f = parse(fill);
      const b = parse(background);
      const mix = (x: number, y: number) => Math.round(x * f.a + y * (1 - f.a));
      return `rgb(${mix(f.r, b.r)}, ${mix(f.g, b.g)}, ${mix(f.b, b.b)})`;
    };
    let lowest: {
      ratio: number;
      text: string;
      fill: string;
      background: string;
    } | null = null;
    for (const text of root.querySelectorAll('svg.recharts-surface text')) {
      if (!text.textContent?.trim()) continue;
      const fill = getComputedStyle(text).fill;
      if (!fill.startsWith('rgb')) continue;
      const background = backgroundOf(text);
      const seen = over(fill, background);
      const [hi, lo] = [luminance(seen), luminance(background)].sort(
        (a, b) => b - a,
      );
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (!lowest || ratio < lowest.ratio) {
        lowest = {
          ratio,
          text: text.textContent.trim(),
          fill: seen,
          background,
        };
      }
    }
    return lowest;
  });
}
