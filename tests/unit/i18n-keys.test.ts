/**
 * The French and English translations say the same things: every key of one is in the other
 * (plural forms aside), and each string names the same {{variables}} in both languages — a key
 * missing in English would show the French text, a variable missing would show a blank.
 * Merged as renderer/i18n/index.ts merges them: the top-level file, then one file per domain.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../renderer/i18n');
type Tree = { [key: string]: string | Tree };

function translation(language: 'fr' | 'en'): Tree {
  const top = JSON.parse(readFileSync(join(ROOT, `${language}.json`), 'utf8')) as Tree;
  const domains = readdirSync(join(ROOT, language))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(ROOT, language, name), 'utf8')) as Tree);
  return Object.assign({}, top, ...domains) as Tree;
}

/** key (plural suffix removed) → the {{variables}} its strings use (all plural forms together). */
function flatten(tree: Tree, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') {
      flatten(value, path, out);
      continue;
    }
    const base = path.replace(/_(zero|one|two|few|many|other)$/, '');
    const variables = out.get(base) ?? new Set<string>();
    for (const match of value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) variables.add(match[1]);
    out.set(base, variables);
  }
  return out;
}

const fr = flatten(translation('fr'));
const en = flatten(translation('en'));

describe('the French and English translations', () => {
  it('have the same keys', () => {
    expect([...fr.keys()].filter((key) => !en.has(key)).sort()).toEqual([]);
    expect([...en.keys()].filter((key) => !fr.has(key)).sort()).toEqual([]);
    expect(fr.size).toBeGreaterThan(300);
  });

  it('use the same variables in each string', () => {
    const differ = [...fr.entries()]
      .filter(([key, variables]) => en.has(key) && [...variables].sort().join() !== [...en.get(key)!].sort().join())
      .map(([key, variables]) => `${key}: fr {${[...variables].sort().join(', ')}} en {${[...en.get(key)!].sort().join(', ')}}`);
    expect(differ).toEqual([]);
  });
});
