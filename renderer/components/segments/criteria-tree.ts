/**
 * The builder's tree (react-querybuilder's groups and rules) ⇄ our criteria tree
 * (shared/segments-criteria.ts). A rule holds one leaf criterion in its `value` (everything but
 * `field`), plus `negate` for « sauf » on a single criterion; a group is an AND or an OR, its
 * NOT toggle a NOT around it. Only the criteria tree is saved and sent to the engine.
 */
import type { RuleGroupType, RuleType } from 'react-querybuilder';
import { criteriaSchema, isAnd, isNot, isOr, type Criteria, type Leaf } from '../../../shared/segments-criteria.js';

/** What a rule's value holds: the leaf without its field, and the rule's own NOT. */
export type RuleValue = Omit<Partial<Leaf>, 'field'> & Record<string, unknown> & { negate?: boolean };

export const FIELD_NAMES = [
  'discipline',
  'show',
  'company',
  'bought',
  'firstPurchase',
  'subscriber',
  'band',
  'range',
  'lastPurchase',
  'departement',
  'postalCode',
  'city',
  'channel',
  'tariffKind',
  'consent',
  'hasEmail',
  'hasPhone',
  'hasAddress',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** A new rule's value: what a user most often wants first. */
export function defaultValue(field: string): RuleValue {
  switch (field) {
    case 'discipline':
    case 'show':
    case 'company':
    case 'departement':
    case 'postalCode':
    case 'city':
    case 'channel':
    case 'tariffKind':
      return { values: [] };
    case 'band':
      return { indicator: 'lifetimeValueCents', values: ['Haut'] };
    case 'range':
      return { indicator: 'lifetimeValueCents', min: 0 };
    case 'lastPurchase':
      return { minMonthsAgo: 18, maxMonthsAgo: 36 };
    case 'consent':
      return { channel: 'email' };
    default:
      return {};
  }
}

let ids = 0;
const nextId = () => `n${++ids}`;

function leafToRule(leaf: Leaf, negate: boolean): RuleType {
  const { field, ...rest } = leaf;
  return { id: nextId(), field, operator: '=', value: { ...rest, ...(negate ? { negate: true } : {}) } };
}

function toGroup(c: Criteria, not = false): RuleGroupType {
  if (isAnd(c) || isOr(c)) {
    const children = isAnd(c) ? c.and : c.or;
    return { id: nextId(), combinator: isAnd(c) ? 'and' : 'or', not, rules: children.map(toRuleOrGroup) };
  }
  if (isNot(c)) return toGroup(c.not, !not);
  return { id: nextId(), combinator: 'and', not, rules: [leafToRule(c, false)] };
}

function toRuleOrGroup(c: Criteria): RuleType | RuleGroupType {
  if (isNot(c) && 'field' in c.not) return leafToRule(c.not, true);
  if ('field' in c) return leafToRule(c, false);
  return toGroup(c);
}

export function criteriaToQuery(criteria: Criteria): RuleGroupType {
  return toGroup(criteria);
}

function ruleToCriteria(rule: RuleType): Criteria {
  const { negate, ...rest } = (rule.value ?? {}) as RuleValue;
  // Empty optional parts (no season chosen, a cleared bound) mean « not given ».
  const cleaned = Object.fromEntries(
    Object.entries(rest).filter(([key, v]) => key === 'values' || (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))),
  );
  const leaf = { field: rule.field, ...cleaned } as Leaf;
  return negate ? { not: leaf } : leaf;
}

export function queryToCriteria(group: RuleGroupType): Criteria {
  const children = group.rules
    .filter((r): r is RuleType | RuleGroupType => typeof r !== 'string')
    .map((r) => ('rules' in r ? queryToCriteria(r) : ruleToCriteria(r)));
  const combined: Criteria = group.combinator === 'or' ? { or: children } : { and: children };
  return group.not ? { not: combined } : combined;
}

/** The criteria when they validate, else null (the count waits for a complete tree). */
export function validCriteria(group: RuleGroupType): Criteria | null {
  const parsed = criteriaSchema.safeParse(queryToCriteria(group));
  return parsed.success ? parsed.data : null;
}
