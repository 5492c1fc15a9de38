import { defineConfig } from 'vitest/config';
import { graphqlDocuments } from './build/graphqlDocuments.ts';

// Preact through the automatic JSX runtime (no Babel plugin needed), Bootstrap Italia's
// Sass sources compiled selectively (see src/styles/bootstrap-italia.scss), and hashed
// file names under /assets/ so the server can cache them for a year.
export default defineConfig({
  plugins: [graphqlDocuments()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'mixed-decls', 'if-function'],
      },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
  },
});
