// The HiGHS worker thread of the roster solver (see ./solve.ts). Plain CommonJS on purpose: Node loads
// it as it is both under jest (from src, where no TypeScript loader exists inside a worker thread) and
// from the compiled dist (swc passes it through unchanged in meaning). The model is built in the main
// thread; this thread only runs the blocking solves, so the API's event loop stays free.
//
// Messages in:  { id, model: ModelData (typed arrays), options: { [highs option]: value }, start?: Float64Array,
//                 seconds: after which the solve is interrupted from HiGHS's callbacks (counted from its start) }
// Messages out: { id, kind: 'progress', incumbent, bound, seconds }             (at most once a second)
//               { id, kind: 'incumbent', colValue, objective, bound }         (each improving solution)
//               { id, kind: 'result', modelStatus, statusName, objective, dualBound, gap, colValue, seconds, nodes, wasmBytes }
//               { id, kind: 'error', message }
'use strict';
const { parentPort } = require('node:worker_threads');
const loadHighs = require('highs');

// Compiling the WebAssembly takes a moment: start at once, while the main thread builds the model.
const highsPromise = loadHighs();

parentPort.on('message', (request) => {
  highsPromise.then(
    (highs) => parentPort.postMessage(solve(highs, request)),
    (error) => parentPort.postMessage({ id: request.id, kind: 'error', message: `cannot load HiGHS: ${error && error.message}` }),
  );
});

function solve(highs, { id, model: data, options, start, seconds }) {
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let model = null;
  try {
    model = highs.createModel(data);
    model.options.set({ output_flag: false, ...options });
    if (start) model.setSolution({ colValue: start });
    let lastProgress = 0;
    const cb = highs.constants.callbackType;
    const progress = (event) => {
      const now = Date.now();
      if (now - lastProgress < 1000) return;
      lastProgress = now;
      parentPort.postMessage({ id, kind: 'progress', incumbent: event.data.mip_primal_bound, bound: event.data.mip_dual_bound, seconds: (now - started) / 1000 });
    };
    // HiGHS's own time_limit is checked between phases; these callbacks also stop a long LP or search on time.
    const interrupt = (event) => {
      if (Date.now() > deadline) event.interrupt();
    };
    model.run({
      [cb.mipImprovingSolution]: (event) => {
        const colValue = event.data.mip_solution;
        if (colValue) parentPort.postMessage({ id, kind: 'incumbent', colValue, objective: event.data.objective_function_value, bound: event.data.mip_dual_bound });
        progress(event);
      },
      [cb.mipInterrupt]: (event) => {
        progress(event);
        interrupt(event);
      },
      [cb.simplexInterrupt]: interrupt,
    });
    const modelStatus = model.getModelStatus();
    const statusName = Object.keys(highs.constants.modelStatus).find((k) => highs.constants.modelStatus[k] === modelStatus) ?? String(modelStatus);
    const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const isMip = data.integrality !== undefined;
    return {
      id,
      kind: 'result',
      modelStatus,
      statusName,
      objective: hasSolution ? model.getObjectiveValue() : null,
      dualBound: isMip ? Number(model.info.get('mip_dual_bound')) : null,
      gap: isMip ? Number(model.info.get('mip_gap')) : null,
      colValue: hasSolution ? model.getSolution().colValue : null,
      seconds: (Date.now() - started) / 1000,
      nodes: isMip ? Number(model.info.get('mip_node_count')) : 0,
      wasmBytes: highs.memoryBytes,
    };
  } catch (error) {
    return { id, kind: 'error', message: String((error && error.message) || error) };
  } finally {
    if (model) model.dispose();
  }
}
