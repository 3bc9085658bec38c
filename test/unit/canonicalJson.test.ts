import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonicalJson';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth and drops no values', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, é: true, Z: 'x' })).toBe(
      '{"Z":"x","a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"é":true}',
    );
  });
  it('serialises numbers the way ECMAScript does', () => {
    expect(canonicalJson([1e21, 1.5, -0, 0.000001, 100])).toBe('[1e+21,1.5,0,0.000001,100]');
  });
  it('escapes strings like JSON.stringify', () => {
    expect(canonicalJson('a"b\n\u0001')).toBe('"a\\"b\\n\\u0001"');
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/unsupported/);
  });
});
