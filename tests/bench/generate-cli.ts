/**
 * `tsx tests/bench/generate-cli.ts PATH SEED LINES`: generates a demo export and prints
 * `{ path, lines, bytes }` as JSON. The benchmark runs it in a child process so that the
 * generator's memory is not counted in the import's peak.
 */
import { generateDemoExport } from '../../resources/demo/generate.js';

const [path, seed, lines] = process.argv.slice(2);
const result = await generateDemoExport({ path, seed: Number(seed), lines: Number(lines) });
process.stdout.write(JSON.stringify(result));
