/** The static token every benchmark backend accepts, its `backend.auth` config and the header a client sends it in. */
export const BENCHMARK_TOKEN = 'benchmark-static-token-0123456789abcdef';

export const benchmarkAuthConfig = {
  externalAccess: [
    {
      type: 'static',
      options: { token: BENCHMARK_TOKEN, subject: 'benchmark' },
    },
  ],
};

export const benchmarkAuthHeader = {
  Authorization: `Bearer ${BENCHMARK_TOKEN}`,
};
