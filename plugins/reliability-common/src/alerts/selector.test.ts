import { matchesAlertSelector, parseAlertSelector } from './selector';

describe('alert selectors', () => {
  it('parses terms, quoted values and inequalities', () => {
    expect(
      parseAlertSelector(
        'team=payments, component = "ledger,core" ,env!=staging',
      ),
    ).toEqual([
      { label: 'team', op: '=', value: 'payments' },
      { label: 'component', op: '=', value: 'ledger,core' },
      { label: 'env', op: '!=', value: 'staging' },
    ]);
  });

  it('rejects what it cannot read and selectors matching everything', () => {
    expect(() => parseAlertSelector('team')).toThrow(
      "'team' is not a selector term",
    );
    expect(() => parseAlertSelector('env!=staging')).toThrow(
      'needs at least one label=value term',
    );
    expect(() => parseAlertSelector('')).toThrow();
  });

  it('matches labels against every term', () => {
    const terms = parseAlertSelector('team=payments,env!=staging');
    expect(matchesAlertSelector({ team: 'payments', env: 'prod' }, terms)).toBe(
      true,
    );
    expect(matchesAlertSelector({ team: 'payments' }, terms)).toBe(true);
    expect(
      matchesAlertSelector({ team: 'payments', env: 'staging' }, terms),
    ).toBe(false);
    expect(matchesAlertSelector({ team: 'orders' }, terms)).toBe(false);
  });
});
