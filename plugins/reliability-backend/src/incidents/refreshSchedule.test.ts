import { incidentsRefreshSchedule } from './refreshSchedule';

describe('incidentsRefreshSchedule', () => {
  it('runs every refresh interval, each run within 15 minutes', () => {
    expect(incidentsRefreshSchedule({ minutes: 10 })).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 50 },
    });
  });
});
