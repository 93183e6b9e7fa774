/**
 * Builds resources/geo/postal-codes.json, the compact postal code → département and communes
 * table the season report reads, from @etalab/decoupage-administratif (INSEE's official
 * communes, with La Poste's postal codes; Licence Ouverte). Regenerate after upgrading that
 * package: `node scripts/build-geo-reference.mjs`, then commit the JSON.
 *
 * Shape: { departements: { code: name }, postalCodes: { "01400": ["01", "Commune A|Commune B"] } }.
 * A postal code shared by communes of several départements (e.g. 05110, over 04 and 05) goes to
 * the département holding most of its inhabitants: the only single answer, and the right one for
 * most of its residents. Corsica is 2A/2B and the overseas départements 971–976 as INSEE codes
 * them: the table never reads a département from the postal code's digits.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const departements = require('@etalab/decoupage-administratif/data/departements.json');
const version = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/package.json'), 'utf8')).version;

const byCode = new Map();
for (const commune of communes) {
  if (commune.type !== 'commune-actuelle' || !commune.codesPostaux) continue;
  for (const postal of commune.codesPostaux) {
    let entry = byCode.get(postal);
    if (!entry) byCode.set(postal, (entry = { people: new Map(), names: [] }));
    entry.people.set(commune.departement, (entry.people.get(commune.departement) ?? 0) + (commune.population ?? 0) + 1);
    entry.names.push(commune.nom);
  }
}
const postalCodes = {};
for (const postal of [...byCode.keys()].sort()) {
  const { people, names } = byCode.get(postal);
  const [departement] = [...people].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  postalCodes[postal] = [departement, [...new Set(names)].sort((a, b) => a.localeCompare(b, 'fr')).join('|')];
}
const table = {
  source: `@etalab/decoupage-administratif ${version} (Licence Ouverte)`,
  departements: Object.fromEntries(departements.map((d) => [d.code, d.nom])),
  postalCodes,
};
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'geo', 'postal-codes.json');
writeFileSync(out, `${JSON.stringify(table)}\n`);
console.log(`${out}: ${Object.keys(postalCodes).length} postal codes, ${departements.length} départements`);
