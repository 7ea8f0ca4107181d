import { renderHook } from '@testing-library/react';
import { useChartTheme } from './useChartTheme';

/** A `window.matchMedia` that answers `prefers-reduced-motion: reduce` as given and nothing else. */
function mediaWhereReducedMotionIs(reduce: boolean) {
  return (query: string) =>
    ({
      matches: reduce && query.includes('prefers-reduced-motion: reduce'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList);
}

describe('useChartTheme', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it.each([
    [false, true],
    [true, false],
  ])(
    'animates the series unless the user asked for reduced motion (reduce: %p -> animated: %p)',
    (reduce, animated) => {
      window.matchMedia = mediaWhereReducedMotionIs(reduce);
      const { result } = renderHook(() => useChartTheme());
      expect(result.current.motion).toEqual({ isAnimationActive: animated });
    },
  );
});
