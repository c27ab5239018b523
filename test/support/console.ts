/**
 * Every test runs with its console captured (registered in jest.config.js as a setup file). The functions
 * and the emulator run inside the jest worker, so what they log lands here too.
 * - An error or warning fails the test unless the test said it expected it: `expectLogged(/pattern/)`.
 *   A test that injects a fault asserts the log line it causes, like any other outcome.
 * - Info lines (console.log/info/debug: the service's events, as Functions would log them) are dropped.
 * Lines logged outside any test (in beforeAll/afterAll) are printed as they are, so none goes unseen.
 */
import { format } from 'util';

const LEVELS = ['error', 'warn', 'log', 'info', 'debug'] as const;
type Level = (typeof LEVELS)[number];

interface Line {
  level: Level;
  text: string;
}

interface Expectation {
  pattern: RegExp;
  matched: boolean;
}

const passThrough: Record<Level, (...args: unknown[]) => void> = {
  error: console.error.bind(console),
  warn: console.warn.bind(console),
  log: console.log.bind(console),
  info: console.info.bind(console),
  debug: console.debug.bind(console),
};

let current: { lines: Line[]; expectations: Expectation[] } | undefined;

/**
 * A deployed build's log entries reach this process through the emulator's gateway, which names their domain
 * first (`[name-1234-dev.twil.io] ...`); a test expects the function's own entry, wherever the function ran.
 */
const fromDeployedBuild = /^\[[a-z0-9-]+(\.[a-z0-9-]+)*\.twil\.io\] /;

for (const level of LEVELS) {
  console[level] = (...args: unknown[]): void => {
    if (!current) passThrough[level](...args);
    else if (level === 'error' || level === 'warn')
      current.lines.push({ level, text: format(...args).replace(fromDeployedBuild, '') });
  };
}

/** The test expects an error or warning line matching `pattern` (logged before or after this call). */
export function expectLogged(pattern: RegExp): void {
  if (!current) throw new Error('expectLogged is for use inside a test');
  current.expectations.push({ pattern, matched: false });
}

beforeEach(() => {
  current = { lines: [], expectations: [] };
});

afterEach(() => {
  const { lines, expectations } = current ?? { lines: [], expectations: [] };
  current = undefined;
  const unexpected = lines.filter((line) => {
    const hits = expectations.filter((e) => e.pattern.test(line.text));
    for (const e of hits) e.matched = true;
    return hits.length === 0;
  });
  const missing = expectations.filter((e) => !e.matched);
  if (unexpected.length === 0 && missing.length === 0) return;
  throw new Error(
    [
      ...unexpected.map((l) => `unexpected console.${l.level}: ${l.text.split('\n').slice(0, 6).join('\n    ')}`),
      ...missing.map((e) => `expected a logged error or warning matching ${String(e.pattern)}, none came`),
    ].join('\n'),
  );
});
