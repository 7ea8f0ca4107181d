import { alertingObjective, alertingObjectiveIndex } from './alertingObjective';

describe('alertingObjectiveIndex', () => {
  it('picks the highest target, the first of equals', () => {
    const objectives = [{ target: 0.99 }, { target: 0.999 }, { target: 0.999 }];
    expect(alertingObjectiveIndex({ objectives })).toBe(1);
    expect(alertingObjective({ objectives })).toBe(objectives[1]);
  });

  it('has none without objectives', () => {
    expect(alertingObjectiveIndex({ objectives: [] })).toBe(-1);
    expect(alertingObjective({ objectives: [] })).toBeUndefined();
  });
});
