// The folder boundaries of ARCHITECTURE.md are kept by lint rules, not by memory: this proves the
// rules bite where they must and stay quiet where electron belongs.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

async function restrictedMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('folder boundaries', () => {
  it('keep electron out of the engine, db/ and shared/', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    for (const file of ['electron/engine/handlers/x.ts', 'db/x.ts', 'shared/x.ts']) {
      expect(await restrictedMessages(code, file), file).toHaveLength(1);
    }
    expect(await restrictedMessages(code, 'electron/desktop/main.ts')).toHaveLength(0);
  });

  it('keep electron out of browser mode, the command line and the rest of electron/ but the desktop shell', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    const subpath = "import { ipcMain } from 'electron/main';\nexport const x = ipcMain;\n";
    for (const file of ['electron/server/routes.ts', 'electron/server/new-route.ts', 'electron/cli/run.ts', 'electron/cli/report.ts', 'electron/data-dir.ts']) {
      expect(await restrictedMessages(code, file), file).toEqual([expect.stringContaining('Only electron/desktop/ may import electron')]);
      expect(await restrictedMessages(subpath, file), file).toHaveLength(1);
    }
    for (const file of ['electron/desktop/ipc.ts', 'electron/desktop/protocol.ts']) {
      expect(await restrictedMessages(code, file), file).toHaveLength(0);
    }
  });

  it('keep the DOM out of the engine', async () => {
    expect(await restrictedMessages('export const t = document.title;\n', 'electron/engine/kpi/x.ts')).toHaveLength(1);
  });

  it('keep the renderer away from the database and the engine', async () => {
    const code = "import { openDatabase } from '../../db/open.js';\nexport const o = openDatabase;\n";
    expect(await restrictedMessages(code, 'renderer/pages/x.tsx')).toHaveLength(1);
    expect(await restrictedMessages("import { contract } from '../../shared/contract.js';\nexport const c = contract;\n", 'renderer/pages/x.tsx')).toHaveLength(0);
  });

  it('hold the renderer to the rules of hooks', async () => {
    const conditional = "import { useState } from 'react';\nexport function A(p: { on: boolean }) {\n  if (p.on) useState(0);\n  return null;\n}\n";
    expect(await ruleIds(conditional, 'renderer/components/A.tsx')).toContain('react-hooks/rules-of-hooks');
  });
});
