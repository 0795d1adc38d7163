/**
 * Summaries of V8 CPU profiles (.cpuprofile) for `npm run bench:api`: self time grouped by package
 * (node_modules package, the API's own folders, Node's core, V8/GC) and by function.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** Milliseconds of self time per package and per function, idle excluded. */
  byPackage: Map<string, number>;
  byFunction: Map<string, number>;
  busyMs: number;
  idleMs: number;
}

/** The package a frame belongs to, from its script URL. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(V8 builtins / native)';
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return `node:${parts[0] === 'internal' ? `internal/${parts[1] ?? ''}`.replace(/\.js$/, '') : parts[0]}`;
  }
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const api = /\/apps\/api\/dist\/(.*)$/.exec(path);
  if (api) {
    const parts = api[1].split('/');
    return `@osp/api ${parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]}`;
  }
  const pkg = /\/packages\/([^/]+)\//.exec(path);
  if (pkg) return `@osp/${pkg[1]}`;
  return path;
}

function shortFile(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  const api = path.indexOf('/apps/api/dist/');
  if (api >= 0) return path.slice(api + '/apps/api/dist/'.length);
  return path;
}

export function emptySelfTime(): SelfTime {
  return { byPackage: new Map(), byFunction: new Map(), busyMs: 0, idleMs: 0 };
}

/** Adds a profile's self times to `into`. */
export function addProfile(file: string, into: SelfTime = emptySelfTime()): SelfTime {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time from sample i-1 to sample i: the time spent where sample i-1 was taken.
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(delta, 0));
  }
  for (const [id, us] of selfUs) {
    const frame = (nodes.get(id) as ProfileNode).callFrame;
    const ms = us / 1000;
    if (frame.functionName === '(idle)') {
      into.idleMs += ms;
      continue;
    }
    into.busyMs += ms;
    const pkg = packageOf(frame.url, frame.functionName);
    into.byPackage.set(pkg, (into.byPackage.get(pkg) ?? 0) + ms);
    const where = frame.url ? `${shortFile(frame.url)}:${frame.lineNumber + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'}  [${pkg}]${where ? `  ${where}` : ''}`;
    into.byFunction.set(fn, (into.byFunction.get(fn) ?? 0) + ms);
  }
  return into;
}

/** The top entries of a self-time map as table lines: ms, % of busy time, cumulative %, name. */
export function topLines(map: Map<string, number>, busyMs: number, limit: number): string[] {
  const sorted = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  let cumulative = 0;
  return sorted.map(([name, ms], i) => {
    cumulative += ms;
    return `${String(i + 1).padStart(3)}. ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busyMs).toFixed(1).padStart(5)}% ${((100 * cumulative) / busyMs).toFixed(1).padStart(6)}%  ${name}`;
  });
}
