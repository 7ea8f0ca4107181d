import { describeKeepFor, describePolicyCondition } from './describeRule';

describe('describePolicyCondition', () => {
  it.each<[Parameters<typeof describePolicyCondition>[0], string]>([
    [{ burnAlert: 'page' }, 'a page-severity burn-rate alert fires'],
    [{ burnAlert: 'ticket' }, 'a burn-rate alert fires (ticket or page)'],
    [{ budgetExhausted: true }, 'the error budget is exhausted'],
    [{ budgetExhausted: false }, 'some error budget is left'],
    [
      { budgetRemainingBelow: 25 },
      'less than 25 % of the error budget is left',
    ],
    [
      { burnAlert: 'ticket', budgetRemainingBelow: 50 },
      'a burn-rate alert fires (ticket or page) and less than 50 % of the error budget is left',
    ],
  ])('%j reads "%s"', (when, text) => {
    expect(describePolicyCondition(when)).toBe(text);
  });
});

describe('describeKeepFor', () => {
  it.each<[number | undefined, string | null]>([
    [undefined, null],
    [30, 'kept 30 min after it stops holding, even if SLO data goes missing'],
    [120, 'kept 2 h after it stops holding, even if SLO data goes missing'],
    [
      1830,
      'kept 1 d 6 h 30 min after it stops holding, even if SLO data goes missing',
    ],
  ])('%p minutes reads %p', (keepForMinutes, text) => {
    expect(describeKeepFor({ keepForMinutes })).toBe(text);
  });
});
