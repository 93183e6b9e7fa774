#!/usr/bin/env node
// The `parterre` command: runs electron/cli/index.ts from source, so it works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
