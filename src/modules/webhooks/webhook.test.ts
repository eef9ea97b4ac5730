import { describe, expect, it } from 'vitest';
import { keepMaskedHeaders, MASKED_HEADER_VALUE, maskHeaders } from './webhook.js';

describe('custom header values are write-only', () => {
  it('maskHeaders keeps the names and hides every value', () => {
    expect(maskHeaders({ Authorization: 'Bearer t', 'X-Shop': 'main' })).toEqual({
      Authorization: MASKED_HEADER_VALUE,
      'X-Shop': MASKED_HEADER_VALUE,
    });
  });

  it('keepMaskedHeaders puts the stored value back for the mask, matching names case-insensitively', () => {
    const result = keepMaskedHeaders({ authorization: MASKED_HEADER_VALUE, 'X-New': 'v' }, { Authorization: 'Bearer t', 'X-Old': 'o' });
    expect(result).toEqual({ ok: true, value: { authorization: 'Bearer t', 'X-New': 'v' } });
  });

  it('keepMaskedHeaders refuses the mask for a name with no stored value, naming it', () => {
    expect(keepMaskedHeaders({ 'X-Token': MASKED_HEADER_VALUE }, {})).toEqual({
      ok: false,
      error: [{ path: 'headers/X-Token', message: expect.stringContaining('send its value') }],
    });
  });

  it('a header named __proto__ stays an ordinary header', () => {
    const result = keepMaskedHeaders({ ['__proto__']: MASKED_HEADER_VALUE }, JSON.parse('{"__proto__":"kept"}'));
    expect(result.ok && Object.entries(result.value)).toEqual([['__proto__', 'kept']]);
  });
});
