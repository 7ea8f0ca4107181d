import { expect, Page } from '@playwright/test';

/** Signs in with the guest provider (the demo guest is a member of `sre`) and waits for the sidebar. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Reliability' })).toBeVisible();
}

export type ThemeId = 'light' | 'dark';

/**
 * Chooses the app theme the way Backstage's user settings do: `appThemeApi` keeps the theme id in
 * localStorage under `theme` and reads it when the app starts. Call before the first `goto`.
 */
export async function chooseTheme(page: Page, theme: ThemeId) {
  await page.addInitScript(
    id => window.localStorage.setItem('theme', id),
    theme,
  );
}

/** Relative luminance (WCAG 2) of a CSS `rgb()`/`rgba()` colour. */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Fails unless the page is actually drawn in `theme` (dark page background for dark, light for light). */
export async function expectTheme(page: Page, theme: ThemeId) {
  const background = await page.evaluate(
    () => getComputedStyle(document.body).backgroundColor,
  );
  if (theme === 'dark') {
    expect(luminance(background), `body background ${background}`).toBeLessThan(
      0.1,
    );
  } else {
    expect(
      luminance(background),
      `body background ${background}`,
    ).toBeGreaterThan(0.8);
  }
}
