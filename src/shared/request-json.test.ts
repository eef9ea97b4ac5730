import { describe, expect, it } from 'vitest';
import { parseRequestJson, RequestJsonError } from './request-json.js';

function nested(depth: number, open = '[', close = ']', inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

function nestedObjects(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function errorOf(text: string): RequestJsonError {
  try {
    parseRequestJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestJsonError);
    return error as RequestJsonError;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('number literals', () => {
  it.each(['0', '1', '-1', '12.5', '998.5', '0.000001', '1000', '1000000000.000001', '0.1', '-0.5', '9007199254740991', '1.5e-7', '1e+21'])(
    'a canonical literal %s (String(Number(text)) === text) stays a number',
    (text) => {
      expect(String(Number(text))).toBe(text);
      expect(parseRequestJson(`{"amount":${text}}`)).toEqual({ amount: Number(text) });
      expect(parseRequestJson(text)).toBe(Number(text));
    },
  );

  it.each([
    '1e3',
    '1E3',
    '1e+3',
    '1e-3',
    '1e21',
    '10.0',
    '1.50',
    '1.0000000',
    '-0',
    '-0.0',
    '0.10',
    '9007199254740993',
    '123456789012345678901234567890',
    '1.00000000000000000001',
  ])('a non-canonical literal %s becomes its exact source text as a string', (text) => {
    expect(String(Number(text))).not.toBe(text);
    expect(parseRequestJson(`{"amount":${text}}`)).toEqual({ amount: text });
    expect(parseRequestJson(text)).toBe(text);
  });

  it('keeps the exact digits of a 30-digit integer that a double would round', () => {
    const value = parseRequestJson('{"amount":123456789012345678901234567890}') as { amount: unknown };
    expect(value.amount).toBe('123456789012345678901234567890');
    // plain JSON.parse would have lost the digits
    expect(String(JSON.parse('123456789012345678901234567890'))).not.toBe('123456789012345678901234567890');
  });

  it('1000000000.000001 round trips through a double, so it stays a number with that exact text', () => {
    const value = parseRequestJson('{"amount":1000000000.000001}') as { amount: unknown };
    expect(typeof value.amount).toBe('number');
    expect(String(value.amount)).toBe('1000000000.000001');
  });

  it('treats each literal on its own, wherever it sits', () => {
    expect(parseRequestJson('[1, 1e3, 2.50, 3, 10.0, -4]')).toEqual([1, '1e3', '2.50', 3, '10.0', -4]);
    expect(parseRequestJson('{"a":{"b":[{"c":1E3},{"d":7}]},"e":1.5}')).toEqual({ a: { b: [{ c: '1E3' }, { d: 7 }] }, e: 1.5 });
    expect(parseRequestJson(' \n\t{ "a" : 1e3 , "b" : 2 }\n')).toEqual({ a: '1e3', b: 2 });
  });

  it('leaves the other literals alone', () => {
    expect(parseRequestJson('{"a":true,"b":false,"c":null,"d":"x","e":[],"f":{}}')).toEqual({
      a: true,
      b: false,
      c: null,
      d: 'x',
      e: [],
      f: {},
    });
  });
});

describe('strings are never rewritten', () => {
  it.each([
    ['{"a":"a 1e3 b"}', { a: 'a 1e3 b' }],
    ['{"a":"10.0"}', { a: '10.0' }],
    ['{"a":"x\\"1e3"}', { a: 'x"1e3' }],
    ['{"a":"x\\\\","b":1e3}', { a: 'x\\', b: '1e3' }],
    ['{"a":"\\\\\\"1e3\\\\"}', { a: '\\"1e3\\' }],
    ['{"1e3":1e3}', { '1e3': '1e3' }],
    ['{"a":"[[[[{{{{"}', { a: '[[[[{{{{' }],
    ['{"a":"\\u0031e3"}', { a: '1e3' }],
  ] as const)('%s', (text, expected) => {
    expect(parseRequestJson(text)).toEqual(expected);
  });

  it('does not count brackets inside strings towards the depth', () => {
    expect(parseRequestJson(`{"a":"${'['.repeat(200)}"}`)).toEqual({ a: '['.repeat(200) });
  });
});

describe('invalid JSON is a RequestJsonError', () => {
  it.each([
    '{"a":01}',
    '{"a":1.}',
    '{"a":-}',
    '{"a":.5}',
    '{"a":+1}',
    '{"a":1e}',
    '{"a":1e+}',
    '{"a":--1}',
    '{"a":0x10}',
    '{"a":1.2.3}',
    '{',
    '}',
    '[1,2',
    '{"a":1,}',
    '[1,2,]',
    '{"a" 1}',
    '{a:1}',
    "{'a':1}",
    '{"a":"unterminated}',
    '{"a":NaN}',
    '{"a":Infinity}',
    '{"a":undefined}',
    '',
    '   ',
    '{"a":1} trailing',
    '{"a":1}{"b":2}',
  ])('%j', (text) => {
    const error = errorOf(text);
    expect(error.name).toBe('RequestJsonError');
    expect(error.message).toMatch(/^body is not valid JSON/);
  });

  it('names the bad number literal', () => {
    expect(errorOf('{"a":01}').message).toContain('bad number 01');
  });
});

describe('nesting depth', () => {
  it('accepts 64 levels of arrays or objects', () => {
    expect(() => parseRequestJson(nested(64))).not.toThrow();
    expect(() => parseRequestJson(nestedObjects(64))).not.toThrow();
  });

  it('refuses 65 levels and more, before parsing', () => {
    expect(errorOf(nested(65)).message).toMatch(/deeper than 64/);
    expect(errorOf(nestedObjects(65)).message).toMatch(/deeper than 64/);
    expect(errorOf(nested(100_000)).message).toMatch(/deeper than 64/);
  });

  it('counts depth, not the number of sibling containers', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '[{}]').join(',')}]`;
    expect((parseRequestJson(wide) as unknown[]).length).toBe(1000);
  });
});

describe('prototype keys', () => {
  it.each([
    '{"__proto__":{"admin":true}}',
    '{"__proto__":null}',
    '{"__proto__":1}',
    '{"a":{"b":{"__proto__":{"x":1}}}}',
    '[{"__proto__":{}}]',
    '{"\\u005f_proto__":{"admin":true}}',
    '{"\\u005F\\u005Fproto\\u005F\\u005F":{"admin":true}}',
  ])('a "__proto__" key is refused: %s', (text) => {
    expect(errorOf(text).message).toBe('body contains the forbidden key "__proto__"');
  });

  it.each([
    '{"constructor":{"prototype":{"admin":true}}}',
    '{"constructor":[]}',
    '{"a":[{"constructor":{}}]}',
    '{"\\u0063onstructor":{"prototype":{}}}',
  ])('a "constructor" key with an object value is refused: %s', (text) => {
    expect(errorOf(text).message).toBe('body contains the forbidden key "constructor"');
  });

  it('a refused body never changes any prototype', () => {
    for (const text of ['{"__proto__":{"polluted":1}}', '{"\\u005f_proto__":{"polluted":1}}']) {
      expect(() => parseRequestJson(text)).toThrow(RequestJsonError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"description":"__proto__ is fine"}', { description: '__proto__ is fine' }],
    ['{"description":"the constructor paid"}', { description: 'the constructor paid' }],
    ['{"constructor":"a string value"}', { constructor: 'a string value' }],
    ['{"constructor":1}', { constructor: 1 }],
    ['{"constructor":null}', { constructor: null }],
    ['{"proto":{"a":1},"__proto":{},"proto__":{}}', { proto: { a: 1 }, __proto: {}, proto__: {} }],
    ['{"a":"\\u00e9\\u0041"}', { a: 'éA' }],
    ['{"metadata":{"note":"__proto__","constructor":"x"}}', { metadata: { note: '__proto__', constructor: 'x' } }],
  ] as const)('harmless input is accepted: %s', (text, expected) => {
    const value = parseRequestJson(text);
    expect(value).toEqual(expected);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
