/**
 * Builds resources/geo/departements.geo.json, the outline of metropolitan France's départements
 * the dashboard's and the report's map draws (offline), from `departements-version-simplifiee.geojson`
 * of the public repository gregoiredavid/france-geojson (IGN Admin Express, Licence Ouverte):
 * `node scripts/build-departement-outline.mjs PATH/TO/departements-version-simplifiee.geojson`.
 * Coordinates are rounded to 0.001° (~100 m, far below what a page-wide map shows), which halves
 * the file. Overseas départements are not in that outline: the map's table lists them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/build-departement-outline.mjs departements-version-simplifiee.geojson');
  process.exit(2);
}
const round = (value) =>
  typeof value[0] === 'number' ? [Math.round(value[0] * 1000) / 1000, Math.round(value[1] * 1000) / 1000] : value.map(round);
const input = JSON.parse(readFileSync(source, 'utf8'));
const output = {
  type: 'FeatureCollection',
  source: 'gregoiredavid/france-geojson, departements-version-simplifiee (IGN Admin Express, Licence Ouverte)',
  features: input.features.map((feature) => ({
    type: 'Feature',
    properties: { code: feature.properties.code, nom: feature.properties.nom },
    geometry: { type: feature.geometry.type, coordinates: round(feature.geometry.coordinates) },
  })),
};
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'geo', 'departements.geo.json');
writeFileSync(out, `${JSON.stringify(output)}\n`);
console.log(`${out}: ${output.features.length} départements`);
