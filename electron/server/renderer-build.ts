/**
 * Browser mode serves the built renderer (dist/renderer). Right after `npm install` nothing has
 * built it, and the server would answer every page with a 404: before serving, it is built here
 * (`npm run build:renderer`, as `npm start` does), or the user is told exactly what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildOutcome {
  ok: boolean;
  output: string;
}

/** Runs `npm run build:renderer` in the app's folder, its output kept for a failure's message. */
export function buildRendererWithNpm(root: string): BuildOutcome {
  const windows = process.platform === 'win32';
  const result = spawnSync(windows ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:renderer'], {
    cwd: root,
    encoding: 'utf8',
    // npm.cmd is a batch file: Node runs those only through a shell.
    shell: windows,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

export type RendererState = { ready: true; built: boolean } | { ready: false; message: string };

/**
 * Ready when `rendererDir/index.html` exists, or once a build made it; otherwise the sentence
 * that says what to run. `allowBuild` false (PARTERRE_NO_BUILD=1) only says it.
 */
export function ensureRendererBuilt(options: {
  rendererDir: string;
  root: string;
  allowBuild: boolean;
  build: (root: string) => BuildOutcome;
  log: (text: string) => void;
}): RendererState {
  const index = join(options.rendererDir, 'index.html');
  if (existsSync(index)) return { ready: true, built: false };
  const whatToRun = `lancez « npm run build:renderer » dans ${options.root}, puis relancez « npx parterre serve »`;
  if (!options.allowBuild) {
    return { ready: false, message: `L'interface de Parterre n'est pas construite (${index} manque) : ${whatToRun}.` };
  }
  options.log("Construction de l'interface (une seule fois)…\n");
  const outcome = options.build(options.root);
  if (outcome.ok && existsSync(index)) return { ready: true, built: true };
  const tail = outcome.output.trim().split('\n').slice(-8).join('\n');
  const why = tail ? ` :\n${tail}\nPour réessayer, ` : ' : ';
  return { ready: false, message: `L'interface de Parterre n'a pas pu être construite${why}${whatToRun}.` };
}
