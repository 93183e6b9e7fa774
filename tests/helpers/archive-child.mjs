// A child process that archives seasons and kills itself (SIGKILL, no cleanup of any kind) at a
// chosen step of the archiving: tests/integration/archives/failures.test.ts. Runs TypeScript
// from source, as the engine's worker does (electron/engine/worker-tsx.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./archive-child-main.ts');
