/**
 * The packaging configuration flips Electron's fuses. The file is read with the YAML reader
 * electron-builder itself uses, and every fuse key is checked against electron-builder's own
 * schema, so that a misspelt key (silently ignored at build time) fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

describe('packaging', () => {
  it('flips the fuses: no run-as-node, no inspector, no NODE_OPTIONS, encrypted cookies, ASAR integrity and ASAR only', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('uses only fuse names electron-builder knows', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses as object)) expect(known, key).toContain(key);
  });

  it('ships the renderer that app:// serves and the migrations, inside the archive', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*', 'db/migrations/**/*']));
  });
});
