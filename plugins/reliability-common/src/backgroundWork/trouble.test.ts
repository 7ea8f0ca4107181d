import {
  BACKGROUND_TASK_TROUBLE_STATES,
  backgroundTaskInTrouble,
} from './trouble';

describe('backgroundTaskInTrouble', () => {
  it('is late, interrupted or failing, most urgent first; never on time, running or waiting', () => {
    expect(BACKGROUND_TASK_TROUBLE_STATES).toEqual([
      'late',
      'interrupted',
      'failing',
    ]);
    expect(
      (['ok', 'running', 'waiting'] as const).map(backgroundTaskInTrouble),
    ).toEqual([false, false, false]);
    expect(BACKGROUND_TASK_TROUBLE_STATES.every(backgroundTaskInTrouble)).toBe(
      true,
    );
  });
});
