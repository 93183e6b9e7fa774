// Runs parse-worker.ts from source (the command line and tests run without a build step), as
// ../worker-tsx.mjs does for the engine worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
