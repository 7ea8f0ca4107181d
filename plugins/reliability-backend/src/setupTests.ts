export {};

// The repo-wide test run (backstage-cli repo test) ignores per-package testTimeout; on a busy 2-core CI machine
// rendering tests can take longer than Jest's 5 s default.
jest.setTimeout(30_000);
