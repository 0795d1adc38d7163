import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const apiTarget = process.env.OSP_API_URL ?? 'http://localhost:4000';

/** In dev and preview, answer /graphiql with graphiql.html, as the API does in production. */
function graphiqlRoute(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url === '/graphiql' || req.url?.startsWith('/graphiql?')) req.url = req.url.replace('/graphiql', '/graphiql.html');
    next();
  };
  return {
    name: 'osp-graphiql-route',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Two pages, both served from the root by the API:
 *  - index.html    the admin SPA (client routes fall back to it)
 *  - graphiql.html the local GraphiQL for portal developers (served at /graphiql)
 *
 * GraphiQL 5 runs Monaco, whose language services live in web workers. They are
 * registered in src/graphiql/monacoWorkers.ts with Vite's `?worker` imports, so the
 * workers are bundled as separate chunks under dist/assets (no CDN, no plugin).
 */
export default defineConfig({
  base: '/',
  plugins: [react(), graphiqlRoute()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco alone is several MB; it only loads on the GraphiQL page.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
      onLog(level, log, handler) {
        // GraphiQL's React-compiler output starts files with "use no memo"; dropping it is harmless.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  worker: {
    format: 'es',
  },
  optimizeDeps: {
    // Dev only. The GraphQL worker's dependencies are reached only from the worker, which the
    // optimizer does not scan: pre-bundle them so the CommonJS ones (nullthrows, picomatch)
    // load, and pre-bundle graphql so the worker gets a single instance of it.
    include: ['graphql', 'monaco-graphql > graphql-language-service', 'monaco-graphql > picomatch-browser'],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
    },
  },
});
