import { groupLevel } from './groupLevel';

const checklist = {
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
    { id: 'advanced', title: 'Advanced' },
  ],
};

describe('groupLevel', () => {
  it('is the highest level at least half of the services reached', () => {
    expect(
      groupLevel(
        { none: 1, beginner: 1, intermediate: 1, advanced: 1 },
        checklist,
      ),
    ).toBe('intermediate');
    expect(groupLevel({ none: 0, beginner: 3, advanced: 1 }, checklist)).toBe(
      'beginner',
    );
    expect(groupLevel({ advanced: 2, none: 1 }, checklist)).toBe('advanced');
  });

  it('is none for an empty group or when most services reached no level', () => {
    expect(groupLevel({ none: 0 }, checklist)).toBe('none');
    expect(groupLevel({ none: 3, advanced: 2 }, checklist)).toBe('none');
  });
});
