import fc from 'fast-check';
import { DomainError } from '../../contracts/errors.ts';
import { canonicalJson } from '../../domain/merkle/canonical-json.ts';

const expectRefused = (value: unknown, field: string) => {
  let caught: unknown;
  try {
    canonicalJson(value);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect(caught).toMatchObject({ code: 'VALIDATION', details: { field } });
};

/** IEEE 754 double from its 16 hex digits, as RFC 8785 Appendix B lists them. */
const double = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('the RFC 8785 §3.2.2 example', () => {
  it('canonicalises to the published text', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
});

describe('object members', () => {
  it('are sorted by UTF-16 code units, as in RFC 8785 §3.2.3', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('put an emoji before U+FB33, which code point order would not', () => {
    expect(canonicalJson({ '\ufb33': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
  });

  it('come out the same whatever order they were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,2]},"b":1}',
    );
  });

  it('whose value is undefined are omitted', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('of an object without a prototype are written like any other', () => {
    const bare = Object.assign(Object.create(null), { z: 1, y: 2 });
    expect(canonicalJson(bare)).toBe('{"y":2,"z":1}');
  });
});

describe('arrays', () => {
  it('keep their order and carry no whitespace', () => {
    expect(canonicalJson([3, 1, [2, { b: true, a: false }], 'x'])).toBe(
      '[3,1,[2,{"a":false,"b":true}],"x"]',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});

describe('numbers', () => {
  it.each([
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [-0, '0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [100, '100'],
    [-1.5, '-1.5'],
  ])('%p is written %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('RFC 8785 Appendix B: the double %s is written %s', (hex, text) => {
    expect(canonicalJson(double(hex))).toBe(text);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('%s is refused as VALIDATION naming where it is', (_, value) => {
    expectRefused(value, '$');
    expectRefused({ data: { items: [1, value] } }, '$.data.items[1]');
  });
});

describe('strings', () => {
  it('escape only quote, backslash and control characters, in the short form where one exists', () => {
    expect(canonicalJson('"\\\b\t\n\f\r\u0000\u001f')).toBe(
      '"\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u001f"',
    );
  });

  it('write everything else as it is, including U+007F, U+0080, U+2028 and /', () => {
    expect(canonicalJson('\u007f\u0080\u2028/督查督办😀')).toBe('"\u007f\u0080\u2028/督查督办😀"');
  });

  it('keep a lone surrogate as an escape, so nothing is lost in UTF-8', () => {
    expect(canonicalJson('a\ud800b')).toBe('"a\\ud800b"');
  });
});

describe('values JSON cannot carry', () => {
  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
  ])('%s at the top level is refused as VALIDATION', (_, value) => {
    expectRefused(value, '$');
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
  ])('%s in an array is refused naming its index', (_, value) => {
    expectRefused({ list: [0, value] }, '$.list[1]');
  });

  it.each([
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
  ])('%s as an object member is refused naming the member', (_, value) => {
    expectRefused({ a: { b: value } }, '$.a.b');
  });

  it('a hole in a sparse array is refused', () => {
    const sparse: number[] = [];
    sparse[0] = 1;
    sparse[2] = 3;
    expectRefused(sparse, '$[1]');
  });

  it('a Map, whose entries JSON would silently drop, is refused', () => {
    expectRefused({ m: new Map([['k', 1]]) }, '$.m');
  });

  it('a cycle is refused instead of overflowing the stack', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { back: loop };
    expectRefused(loop, '$.self.back');
  });

  it('the same object twice, not a cycle, is written twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});

describe('toJSON', () => {
  it('is honoured as JSON.stringify honours it, so a Date becomes its ISO string', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2021, 0, 2)) })).toBe(
      '{"at":"2021-01-02T00:00:00.000Z"}',
    );
  });

  it('returning undefined omits the member', () => {
    expect(canonicalJson({ a: { toJSON: () => undefined }, b: 2 })).toBe('{"b":2}');
  });
});

describe('any JSON value', () => {
  it('is written in a form that parses back to text it reproduces exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        return canonicalJson(JSON.parse(text)) === text;
      }),
      { numRuns: 300 },
    );
  });

  it('matches a plain sort-then-stringify writer', () => {
    // Object.fromEntries cannot serve as the oracle: objects list integer-like names
    // ("9" before "10") ahead of all others, whatever order they were added in.
    const sortedText = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(sortedText).join(',')}]`;
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .map((name) => `${JSON.stringify(name)}:${sortedText(record[name])}`);
      return `{${members.join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value) === sortedText(value)),
      { numRuns: 300 },
    );
  });

  it('sorts integer-like names as strings: "10" before "9"', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: 'c' })).toBe('{"10":"b","9":"a","x":"c"}');
  });
});
