/** SIBIL: the quarters to declare, a quarter's declaration with its checks, a show's domain, marking a quarter declared. */
import { parseQuarter } from '../../../shared/sibil.js';
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';
import { markDeclared, setShowDomain, sibilDeclaration } from '../sibil/declare.js';
import { sibilQuarters } from '../sibil/quarters.js';

// The contract has validated the text: parseQuarter cannot fail here.
const quarterOf = (text: string) => parseQuarter(text)!;

export const sibilHandlers: HandlerTable<'sibil.quarters' | 'sibil.declaration' | 'sibil.setDomain' | 'sibil.markDeclared'> = {
  'sibil.quarters': (_input, { db }) => sibilQuarters(db.sqlite),
  'sibil.declaration': ({ quarter }, { db }) => sibilDeclaration(db.sqlite, quarterOf(quarter)),
  'sibil.setDomain': ({ showId, domain }, { db }) => {
    if (!setShowDomain(db.sqlite, showId, domain)) throw new EngineError('NOT_FOUND', `Aucun spectacle n° ${showId}.`);
    return { updated: true };
  },
  'sibil.markDeclared': ({ quarter, file }, { db }) => markDeclared(db.sqlite, quarterOf(quarter), file),
};
