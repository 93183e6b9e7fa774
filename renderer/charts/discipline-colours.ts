/**
 * One colour per discipline, the same on every screen and every print. Known disciplines have
 * their own; any other gets one from the palette by a stable hash of its name.
 */
const KNOWN: Record<string, string> = {
  theatre: '#8c2f39',
  danse: '#2a6f97',
  musique: '#b5651d',
  cirque: '#6a4c93',
  'jeune public': '#2d8a5f',
  humour: '#c08a00',
  opera: '#7a3b69',
  marionnettes: '#4f772d',
  conte: '#5c677d',
  'arts de la rue': '#a0522d',
};
const PALETTE = ['#3d5a80', '#98c1d9', '#ee6c4d', '#293241', '#8d99ae', '#e07a5f', '#81b29a', '#f2cc8f'];

const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export function disciplineColour(name: string): string {
  const key = normalise(name);
  if (KNOWN[key]) return KNOWN[key];
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
