import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // As bin/parc.js does: SNMPv3 DES needs OpenSSL's legacy provider on Node 20+.
          execArgv: ['--openssl-legacy-provider'],
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          globals: true,
          include: ['test/**/*.test.tsx'],
        },
      },
    ],
  },
});
