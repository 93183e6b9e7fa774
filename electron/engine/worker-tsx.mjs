// Runs worker.ts from source (the command line and tests run without a build step): the
// TypeScript loader is registered in this thread before the worker's module graph is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
