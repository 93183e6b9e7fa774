/** `parterre ARGS…` run in this process (the command line's own runCli), its output captured. */
import { runCli } from '../../electron/cli/run.js';

export async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
