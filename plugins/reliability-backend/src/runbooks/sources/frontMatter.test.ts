import {
  firstHeading,
  parseRunbookMarkdown,
  postmortemDetailsOf,
  splitFrontMatter,
} from './frontMatter';

describe('splitFrontMatter', () => {
  it('splits YAML front matter from the body (LF, CRLF, BOM, "..." terminator)', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\n# Body\n')).toEqual({
      yaml: 'title: A\n',
      body: '# Body\n',
    });
    expect(splitFrontMatter('\uFEFF---\r\ntitle: A\r\n...\r\nBody')).toEqual({
      yaml: 'title: A\r\n',
      body: 'Body',
    });
  });

  it('treats a document without an opening --- as body only', () => {
    expect(splitFrontMatter('# Just Markdown\n---\n')).toEqual({
      yaml: null,
      body: '# Just Markdown\n---\n',
    });
  });

  it('rejects an unterminated front matter block', () => {
    expect(() => splitFrontMatter('---\ntitle: A\n# Body')).toThrow(
      /no closing "---"/,
    );
  });
});

describe('parseRunbookMarkdown', () => {
  it('reads every field', () => {
    const parsed = parseRunbookMarkdown(
      [
        '---',
        'id: orders-high-error-rate',
        'title: Orders API error rate',
        'kind: rollback',
        'answers: [orders-availability, orders-availability-fast-burn]',
        'owner: group:default/team-orders',
        'lastReviewed: 2026-09-30',
        'tags: [ignored]',
        '---',
        '# Steps',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      frontMatter: {
        id: 'orders-high-error-rate',
        title: 'Orders API error rate',
        kind: 'rollback',
        answers: ['orders-availability', 'orders-availability-fast-burn'],
        owner: 'group:default/team-orders',
        lastReviewed: '2026-09-30',
      },
      body: '# Steps',
    });
  });

  it('defaults kind and answers, and accepts comma-separated answers', () => {
    expect(
      parseRunbookMarkdown('---\nanswers: a, b ,c\n---\n').frontMatter,
    ).toEqual({
      kind: 'runbook',
      answers: ['a', 'b', 'c'],
    });
    expect(parseRunbookMarkdown('no front matter').frontMatter).toEqual({
      kind: 'runbook',
      answers: [],
    });
    expect(parseRunbookMarkdown('---\n---\nbody').body).toBe('body');
  });

  it.each([
    ['kind: playbook', /kind/],
    ['lastReviewed: 2026-13-40', /lastReviewed: must be a date/],
    ['lastReviewed: last week', /lastReviewed: must be a date/],
    ['answers: [1, {a: b}]', /answers/],
    ['id: "../../etc"', /id: must be 1-100 characters/],
    ['title: ""', /title/],
    ['title: [unclosed', /not valid YAML/],
    ['- a list', /must be a YAML mapping/],
    ['just a string', /must be a YAML mapping/],
  ])('rejects %j with a clear message', (yaml, message) => {
    expect(() => parseRunbookMarkdown(`---\n${yaml}\n---\nbody`)).toThrow(
      message,
    );
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'title: x',
    ].join('\n');
    expect(() => parseRunbookMarkdown(`---\n${bomb}\n---\n`)).toThrow(
      /not valid YAML|alias/i,
    );
  });
});

describe('postmortem front matter', () => {
  const postmortem = [
    '---',
    'kind: postmortem',
    'incidents: [INC-1042, 1043, INC-1042]',
    'actionItems:',
    '  - title: Add a retry budget to the PSP client',
    '    owner: group:default/checkout-payments',
    '    due: 2026-12-04',
    '    status: In Progress',
    '    issue: https://issues.example.com/PAY-12',
    '  - title: Alert on queue depth',
    '    status: closed',
    '  - title: Document the failover',
    '---',
    '# Postmortem',
  ].join('\n');

  it('reads the incidents it explains and its action items, with defaults and status aliases', () => {
    const { frontMatter } = parseRunbookMarkdown(postmortem);
    expect(postmortemDetailsOf(frontMatter)).toEqual({
      incidents: ['INC-1042', '1043'],
      actionItems: [
        {
          title: 'Add a retry budget to the PSP client',
          owner: 'group:default/checkout-payments',
          due: '2026-12-04',
          status: 'in-progress',
          issue: 'https://issues.example.com/PAY-12',
        },
        {
          title: 'Alert on queue depth',
          owner: null,
          due: null,
          status: 'done',
          issue: null,
        },
        {
          title: 'Document the failover',
          owner: null,
          due: null,
          status: 'open',
          issue: null,
        },
      ],
      launchDate: null,
    });
  });

  it('reads the launch date of a pre-mortem', () => {
    const { frontMatter } = parseRunbookMarkdown(
      '---\nkind: premortem\nlaunchDate: 2026-12-10\n---\n',
    );
    expect(postmortemDetailsOf(frontMatter)).toEqual({
      incidents: [],
      actionItems: [],
      launchDate: '2026-12-10',
    });
  });

  it('has no postmortem details when the front matter names none', () => {
    const { frontMatter } = parseRunbookMarkdown('---\ntitle: A\n---\n');
    expect(frontMatter).not.toHaveProperty('incidents');
    expect(postmortemDetailsOf(frontMatter)).toBeUndefined();
  });

  it.each([
    ['incidents: INC-1', /incidents: /],
    ['incidents: [""]', /incidents\.0/],
    ['actionItems: [{ owner: me }]', /actionItems\.0\.title/],
    ['actionItems: [{ title: x, status: maybe }]', /actionItems\.0\.status/],
    [
      'actionItems: [{ title: x, issue: "javascript:alert(1)" }]',
      /actionItems\.0\.issue: must be an http\(s\) URL/,
    ],
    ['actionItems: [{ title: x, due: 2026-02-30 }]', /actionItems\.0\.due/],
    ['launchDate: next week', /launchDate: must be a date/],
  ])('rejects %j with a message naming the field', (yaml, message) => {
    expect(() => parseRunbookMarkdown(`---\n${yaml}\n---\nbody`)).toThrow(
      message,
    );
  });
});

describe('firstHeading', () => {
  it('returns the first level-1 heading', () => {
    expect(firstHeading('intro\n## Sub\n# Rollback the API ##\n# Second')).toBe(
      'Rollback the API',
    );
    expect(firstHeading('no heading')).toBeUndefined();
  });
});
