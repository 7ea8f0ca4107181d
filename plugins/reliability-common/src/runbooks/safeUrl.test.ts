/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { isHttpUrl, isSafeLinkUrl, safeLinkUrlOrEmpty } from './safeUrl';

describe('isSafeLinkUrl', () => {
  it.each([
    'https://runbooks.example.com/orders',
    'http://wiki.internal/page',
    'HTTPS://EXAMPLE.COM',
    '/docs/default/component/orders/runbooks/',
    './rollback.md',
    '../shared/db.md',
    'rollback.md',
    '#step-3',
    '?runbook=high-latency',
    'notes/a:b.md',
  ])('accepts %s', url => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:oncall@example.com',
    '//evil.example.com/x',
    '\\\\evil.example.com\\x',
    '',
    '   ',
  ])('rejects %j', url => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isSafeLinkUrl(undefined)).toBe(false);
    expect(isSafeLinkUrl(null)).toBe(false);
  });

  it('empties unsafe URLs and keeps safe ones', () => {
    expect(safeLinkUrlOrEmpty('javascript:alert(1)')).toBe('');
    expect(safeLinkUrlOrEmpty('https://x.example')).toBe('https://x.example');
  });
});

describe('isHttpUrl', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(isHttpUrl('https://x.example/a')).toBe(true);
    expect(isHttpUrl('/docs/a')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('file:///tmp/x.md')).toBe(false);
  });
});
