/**
 * Invalid inputs for a call of the contract, generated from its zod schema: a valid input is built
 * from the schema (through zod's JSON Schema), then broken somewhere — a value of the wrong type,
 * a key removed, a key added, a huge string, or not an object at all — at the top or deep inside.
 * Only values the schema really refuses are kept (`isInvalid`), as they arrive after crossing to
 * the worker (structured clone), so that every one must come back as a VALIDATION error.
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Valid values of a JSON Schema node (the subset zod writes for our inputs); anything where unknown. */
function validOf(node: JsonSchema): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const choices = node.anyOf ?? node.oneOf;
  if (choices) return fc.oneof(...choices.map(validOf));
  switch (node.type) {
    case 'object': {
      const properties = node.properties ?? {};
      const required = new Set(node.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, validOf(child)])),
        { requiredKeys: [...required] },
      );
      if (node.propertyNames?.enum && typeof node.additionalProperties === 'object') {
        return fc.dictionary(fc.constantFrom(...(node.propertyNames.enum as string[])), validOf(node.additionalProperties), { maxKeys: 3 });
      }
      return record;
    }
    case 'string': {
      if (node.pattern) return fc.stringMatching(new RegExp(node.pattern));
      const text = fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 12, 12) });
      // zod's trim() runs before min(): a required text of spaces alone is refused, as it should be.
      return node.minLength ? text.filter((value) => value.trim().length >= node.minLength!) : text;
    }
    case 'integer': {
      const min = node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : (node.minimum ?? -1000);
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(node.maximum ?? 1e9, 1e9) });
    }
    case 'number':
      return fc.double({ min: node.minimum ?? -1e9, max: node.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validOf(node.items ?? {}), { minLength: node.minItems ?? 0, maxLength: (node.minItems ?? 0) + 2 });
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue();
  }
}

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'huge'; length: number; char: string }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; value: unknown }
  | { kind: 'root'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.anything() }),
  fc.record({ kind: fc.constant('huge' as const), length: fc.integer({ min: 10_000, max: 400_000 }), char: fc.constantFrom('x', 'é', '🎭', '\u0000', '"') }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({ kind: fc.constant('add' as const), key: fc.string({ minLength: 1, maxLength: 8 }), value: fc.anything() }),
  fc.record({ kind: fc.constant('root' as const), value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.array(fc.anything())) }),
);

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

/** Applies `change` at the place reached by following `steps` down from the root of a copy of `base`. */
export function mutate(base: unknown, steps: number[], change: Mutation): unknown {
  if (change.kind === 'root') return change.value;
  const root = structuredClone(base);
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number | null = null;
  let node: unknown = root;
  for (const step of steps) {
    if (!isContainer(node)) break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (!keys.length) break;
    parent = node;
    key = keys[step % keys.length];
    node = (node as Record<string | number, unknown>)[key];
  }
  const place = (value: unknown) => {
    if (parent === null || key === null) return value;
    (parent as Record<string | number, unknown>)[key] = value;
    return root;
  };
  switch (change.kind) {
    case 'replace':
      return place(change.value);
    case 'huge':
      return place(change.char.repeat(change.length));
    case 'delete':
      if (parent === null || key === null) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return root;
    case 'add':
      if (isContainer(node) && !Array.isArray(node)) {
        node[change.key] = change.value;
        return root;
      }
      return place({ [change.key]: change.value });
  }
}

/** The schema refuses this value as the engine will receive it (cloned; a missing input is `{}`). */
export function isInvalid(schema: z.ZodType, value: unknown): boolean {
  let received: unknown;
  try {
    received = structuredClone(value);
  } catch {
    return false; // could not be sent at all: not a case for the engine
  }
  return !schema.safeParse(received ?? {}).success;
}

/** Valid inputs of a schema (through its JSON Schema); null where zod cannot describe it. */
export function validInputs(schema: z.ZodType): fc.Arbitrary<unknown> | null {
  try {
    return validOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  } catch {
    return null;
  }
}

/** Inputs the schema refuses, built by breaking valid ones (or from nothing where no valid one can be built). */
export function invalidInputs(schema: z.ZodType): fc.Arbitrary<unknown> {
  const valid = validInputs(schema) ?? fc.constant({});
  return fc
    .tuple(valid, fc.array(fc.nat(), { maxLength: 4 }), mutation)
    .map(([base, steps, change]) => mutate(base, steps, change))
    .filter((value) => isInvalid(schema, value));
}
