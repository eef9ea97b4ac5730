/**
 * What a merchant logo may be (issue 21, docs/adr/0026): a PNG (checked by its signature) or an SVG that
 * passes an allow-list — known drawing elements and presentation attributes only; no script, no
 * foreignObject, no event handler, no reference outside the document (href only '#…', url() only
 * '#…'), no DOCTYPE/entities, no CDATA, no processing instruction besides the XML declaration. An SVG
 * that fails is refused, not repaired: a repaired file is not what the merchant looked at. Pure.
 */

export const MAX_LOGO_BYTES = 100 * 1024;
export const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const SVG_ELEMENTS = new Set(
  [
    'svg',
    'g',
    'defs',
    'title',
    'desc',
    'metadata',
    'symbol',
    'use',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
    'textPath',
    'lineargradient',
    'radialgradient',
    'stop',
    'clippath',
    'mask',
    'pattern',
    'filter',
    'fegaussianblur',
    'feoffset',
    'feblend',
    'fecolormatrix',
    'fecomposite',
    'feflood',
    'femerge',
    'femergenode',
    'femorphology',
    'style',
  ].map((n) => n.toLowerCase()),
);

/** Attribute names: plain names, namespace declarations and xlink/xml ones; never on* (checked separately). */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9_.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** url(...) whose target is not a fragment of this document; @import; javascript: anywhere */
const EXTERNAL_IN_TEXT = /url\s*\(\s*(?!['"]?#)|@import|javascript:|expression\s*\(/i;

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; message: string };

export function checkLogo(contentType: string, bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: 'the logo is empty' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: `the logo must be at most ${MAX_LOGO_BYTES} bytes` };
  if (contentType === 'image/png') {
    const signed = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
    return signed ? { ok: true, type: 'image/png' } : { ok: false, message: 'not a PNG image (its signature is missing)' };
  }
  if (contentType === 'image/svg+xml') {
    const problem = svgProblem(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    return problem === null ? { ok: true, type: 'image/svg+xml' } : { ok: false, message: `SVG refused: ${problem}` };
  }
  return { ok: false, message: 'must be image/png or image/svg+xml' };
}

/** Why the SVG is refused, or null when every element, attribute and text passes the allow-list. */
export function svgProblem(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '').trimStart();
  const declaration = /^<\?xml\s[^?]*\?>/.exec(rest);
  if (declaration) rest = rest.slice(declaration[0].length);
  const open: string[] = [];
  let sawRoot = false;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const chunk = lt === -1 ? rest : rest.slice(0, lt);
    if (chunk.trim() !== '') {
      if (open.length === 0) return 'text outside the svg element';
      if (EXTERNAL_IN_TEXT.test(chunk)) return 'style text refers outside the document';
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) return 'unterminated comment';
      rest = rest.slice(end + 3);
      continue;
    }
    if (rest.startsWith('<!') || rest.startsWith('<?')) return 'DOCTYPE, entities, CDATA and processing instructions are not allowed';
    const tag = TAG.exec(rest);
    if (!tag) return 'malformed markup';
    const [whole, closing, rawName, attributes, selfClosing] = tag as unknown as [string, string, string, string, string];
    const name = rawName.toLowerCase();
    if (!SVG_ELEMENTS.has(name)) return `element <${rawName}> is not allowed`;
    if (closing) {
      if (open.pop() !== name) return `unbalanced </${rawName}>`;
    } else {
      if (open.length === 0) {
        if (sawRoot || name !== 'svg') return 'the document must be one <svg> element';
        sawRoot = true;
      }
      const attributeProblem = attributesProblem(attributes);
      if (attributeProblem) return attributeProblem;
      if (!selfClosing) open.push(name);
    }
    rest = rest.slice(whole.length);
  }
  if (!sawRoot) return 'no <svg> element';
  if (open.length > 0) return `unclosed <${open.at(-1)}>`;
  return null;
}

function attributesProblem(attributes: string): string | null {
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = match[1] as string;
    const value = (match[2] ?? match[3] ?? '').replace(/&#x?[0-9a-f]+;?/gi, '\u0000');
    const lower = name.toLowerCase();
    if (!ATTRIBUTE_NAME.test(name)) return `attribute ${name} is not allowed`;
    if (lower.startsWith('on')) return `event handler attribute ${name} is not allowed`;
    if (lower === 'href' || lower.endsWith(':href')) {
      if (!value.startsWith('#')) return `${name} may only refer to '#…' inside the document`;
      continue;
    }
    if (lower.startsWith('xmlns')) continue;
    if (value.includes('\u0000')) return `attribute ${name} uses character references`;
    if (EXTERNAL_IN_TEXT.test(value)) return `attribute ${name} refers outside the document`;
  }
  return null;
}
