/**
 * No control characters in request text. PostgreSQL cannot store NUL (U+0000) in text at all, and the
 * other C0 controls and DEL have no business in ids, references, addresses or filters. So every string a
 * route schema declares (body, query, path and header fields, batch items too) is refused with 422 when
 * it holds one; free text (`description`, `notes`, `reason`) may keep tab, line feed and carriage return,
 * since a multi-line description or note is legitimate and harmless (JSON escapes them; CSV quotes them).
 *
 * The rule is an Ajv keyword added to each string schema when a validator is compiled, so no route has to
 * remember it and the schemas (and the OpenAPI document built from them) stay as written.
 */
import type { KeywordDefinition } from 'ajv';

export const TEXT_KEYWORD = 'x-tpg-text';

/** `line`: no C0 control character nor DEL; `free`: the same, but tab, line feed and carriage return are allowed. */
export type TextKind = 'line' | 'free';

/** Properties holding free text, whatever the route. */
const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['description', 'notes', 'reason']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const FREE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const TEXT_MESSAGES: Record<TextKind, string> = {
  line: 'must not contain control characters (U+0000–U+001F, U+007F)',
  free: 'must not contain control characters other than tab, line feed and carriage return',
};

export const textKeyword: KeywordDefinition = {
  keyword: TEXT_KEYWORD,
  type: 'string',
  schemaType: 'string',
  compile: (kind: TextKind) => {
    const forbidden = kind === 'free' ? FREE_FORBIDDEN : LINE_FORBIDDEN;
    return (data: string) => !forbidden.test(data);
  },
};

/** `true` when a string holds a character `kind` text must not. */
export function hasForbiddenControl(text: string, kind: TextKind = 'line'): boolean {
  return (kind === 'free' ? FREE_FORBIDDEN : LINE_FORBIDDEN).test(text);
}

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema keywords whose value is a map of name → subschema; the names are property names. */
const NAMED_CHILDREN = ['properties'] as const;
/** Schema keywords whose value is a map of pattern/name → subschema that are not property names of free text. */
const MAP_CHILDREN = ['patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
/** Keywords whose subschemas describe the same value (`description: string | null`): they keep its kind. */
const SAME_VALUE = ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else'];
/** Keywords whose subschemas describe other values: array items, properties not named in the schema. */
const OTHER_VALUES = ['items', 'prefixItems', 'additionalProperties', 'contains'];

/**
 * A copy of `schema` with the text rule on every string schema (`free` under a free-text property name,
 * `line` elsewhere). The original is left untouched: it also feeds the OpenAPI document.
 */
export function withTextRules(schema: unknown, kind: TextKind = 'line'): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withTextRules(s, kind));
  if (!isSchema(schema)) return schema;
  const copy: Schema = { ...schema };
  const type = schema.type;
  if (type === 'string' || (Array.isArray(type) && type.includes('string'))) copy[TEXT_KEYWORD] = kind;
  for (const key of NAMED_CHILDREN) {
    const children = schema[key];
    if (isSchema(children)) {
      copy[key] = Object.fromEntries(
        Object.entries(children).map(([name, child]) => [name, withTextRules(child, FREE_TEXT_FIELDS.has(name) ? 'free' : 'line')]),
      );
    }
  }
  for (const key of MAP_CHILDREN) {
    const children = schema[key];
    if (isSchema(children)) copy[key] = Object.fromEntries(Object.entries(children).map(([name, child]) => [name, withTextRules(child)]));
  }
  for (const key of SAME_VALUE) if (key in schema) copy[key] = withTextRules(schema[key], kind);
  for (const key of OTHER_VALUES) if (key in schema) copy[key] = withTextRules(schema[key]);
  return copy;
}
