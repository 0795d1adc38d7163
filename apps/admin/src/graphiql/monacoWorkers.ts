/**
 * Monaco's language services run in web workers. GraphiQL 5 asks for them through
 * `globalThis.MonacoEnvironment.getWorker`. The `?worker` imports below make Vite bundle
 * each worker (with its dependencies) as its own chunk under dist/assets.
 *
 * This replaces `graphiql/setup-workers/vite`: that file carries the `?worker` imports
 * inside node_modules, where Vite's dependency optimizer cannot handle them in dev
 * (graphql/graphiql#4038). In our own source Vite's worker plugin sees them in dev and build.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

(globalThis as typeof globalThis & { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    switch (label) {
      case 'graphql':
        return new GraphQLWorker();
      case 'json':
        return new JsonWorker();
      default:
        return new EditorWorker();
    }
  },
};
