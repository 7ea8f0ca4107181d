import { campaignSchedule } from './types';

describe('campaignSchedule', () => {
  const campaign = {
    status: 'active' as const,
    startDate: '2026-12-01',
    dueDate: '2026-12-31',
  };

  it('places active and draft campaigns in time, due date included', () => {
    expect(campaignSchedule(campaign, '2026-11-30')).toBe('upcoming');
    expect(campaignSchedule(campaign, '2026-12-01')).toBe('running');
    expect(campaignSchedule(campaign, '2026-12-31')).toBe('running');
    expect(campaignSchedule(campaign, '2027-01-01')).toBe('overdue');
    expect(
      campaignSchedule({ ...campaign, status: 'draft' }, '2027-01-01'),
    ).toBe('overdue');
  });

  it('says finished and archived campaigns have ended', () => {
    expect(
      campaignSchedule({ ...campaign, status: 'finished' }, '2026-12-10'),
    ).toBe('ended');
    expect(
      campaignSchedule({ ...campaign, status: 'archived' }, '2026-11-01'),
    ).toBe('ended');
  });
});
