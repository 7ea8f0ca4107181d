import {
  BACKGROUND_TASK_TROUBLE_STATES,
  backgroundTaskInTrouble,
  replicasInTrouble,
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

describe('replicasInTrouble', () => {
  it('counts the replicas that are late, interrupted or failing', () => {
    expect(
      replicasInTrouble({
        total: 5,
        byState: { ok: 1, late: 1, failing: 2, running: 1 },
      }),
    ).toBe(3);
    expect(replicasInTrouble({ total: 1, byState: { ok: 1 } })).toBe(0);
  });
});
