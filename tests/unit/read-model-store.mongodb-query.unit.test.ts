import type { Document } from 'mongodb';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import {
  fieldPath,
  filterToMongo,
  keysetToMongo,
  sortToMongo,
} from '../../infra/read-model-store/mongodb/filter-mongo.ts';
import type { Filter, Scalar, SortKey } from '../../infra/read-model-store/port.ts';

type Doc = Record<string, unknown> & { id: string };

/**
 * MongoDB's documented matching rules for the operators the translation emits,
 * so that its queries can be checked against the embedded adapter here, without
 * a server: a condition on a field holding an array holds when it holds for an
 * element; null matches null and missing; comparisons only within one type
 * (numbers, strings, booleans); `$type: 'array'` is true of an array field itself.
 */
const mongo = {
  typeOf(value: unknown): string {
    return value === null || value === undefined ? 'null' : typeof value;
  },
  scalarEquals(value: unknown, operand: unknown): boolean {
    if (operand === null) return value === null || value === undefined;
    return mongo.typeOf(value) === mongo.typeOf(operand) && value === operand;
  },
  compare(value: unknown, operator: string, operand: unknown): boolean {
    if (operator === '$eq') return mongo.scalarEquals(value, operand);
    if (operator === '$in') return (operand as unknown[]).some((o) => mongo.scalarEquals(value, o));
    if (mongo.typeOf(value) !== mongo.typeOf(operand) || operand === null) return false;
    const [a, b] = [value as number, operand as number];
    return { $gt: a > b, $gte: a >= b, $lt: a < b, $lte: a <= b }[operator] ?? false;
  },
  /** One operator of a field expression, with MongoDB's implicit walk over array elements. */
  operator(value: unknown, operator: string, operand: unknown): boolean {
    if (operator === '$not') return !mongo.fieldExpression(value, operand as Document);
    if (operator === '$type') return operand === 'array' && Array.isArray(value);
    if (operator === '$ne') return !mongo.operator(value, '$eq', operand);
    const direct = mongo.compare(value, operator, operand);
    return (
      direct || (Array.isArray(value) && value.some((e) => mongo.compare(e, operator, operand)))
    );
  },
  fieldExpression(value: unknown, expression: Document): boolean {
    return Object.entries(expression).every(([op, operand]) => mongo.operator(value, op, operand));
  },
  matches(stored: Document, query: Document): boolean {
    return Object.entries(query).every(([key, condition]) => {
      if (key === '$and') return (condition as Document[]).every((c) => mongo.matches(stored, c));
      if (key === '$nor') return !(condition as Document[]).some((c) => mongo.matches(stored, c));
      if (key === '$or') return (condition as Document[]).some((c) => mongo.matches(stored, c));
      const value = key === '_id' ? stored._id : stored.doc[key.slice('doc.'.length)];
      return mongo.fieldExpression(value, condition as Document);
    });
  },
  /** BSON's order across types (null < numbers < strings < booleans), then within a type. */
  order(a: unknown, b: unknown): number {
    const rank = (v: unknown) => ({ null: 0, number: 1, string: 2, boolean: 3 })[mongo.typeOf(v)]!;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a === b || rank(a) === 0) return 0;
    return (a as number) < (b as number) ? -1 : 1;
  },
  find(docs: Doc[], query: Document, sort: Record<string, 1 | -1>): string[] {
    const stored = docs.map((doc) => ({ _id: doc.id, doc }));
    const keys = Object.entries(sort);
    return stored
      .filter((row) => mongo.matches(row, query))
      .sort((x, y) => {
        for (const [key, direction] of keys) {
          const pick = (row: typeof x) => (key === '_id' ? row._id : row.doc[key.slice(4)]);
          const order = mongo.order(pick(x), pick(y)) * direction;
          if (order !== 0) return order;
        }
        return 0;
      })
      .map((row) => row._id);
  },
};

/** Documents with every kind of value a filter could trip on, arrays and objects included. */
const DOCS: Doc[] = [
  { id: 'a', v: 1, s: 'open', b: true, d: '2024-03-01' },
  { id: 'b', v: 2, s: 'closed', b: false, d: '2024-01-15' },
  { id: 'c', v: '1', s: null, b: 1, d: null },
  { id: 'd', v: true, s: ['open', 'closed'], b: [true], d: ['2024-02-01'] },
  { id: 'e', v: null, s: { nested: 'open' }, b: null },
  { id: 'f' },
  { id: 'g', v: 0, s: 'open', b: false, d: '2024-12-31' },
  { id: 'h', v: [1, 2], s: '', b: 'true', d: '2024-02-10' },
  { id: 'i', v: [null], s: 'Open', b: [false, true], d: [] },
  { id: 'j', v: 2.5, s: '督办', b: true, d: '2023-12-31' },
];

const FILTERS: Filter[] = [
  { v: 1 },
  { v: 0 },
  { v: '1' },
  { v: true },
  { v: null },
  { v: { $eq: null } },
  { v: { $ne: null } },
  { v: { $ne: 1 } },
  { v: { $ne: true } },
  { v: { $in: [1, true] } },
  { v: { $in: [null, '1'] } },
  { v: { $in: [] } },
  { v: { $gt: 0 } },
  { v: { $gte: 1, $lt: 2.5 } },
  { v: { $lte: '1' } },
  { v: { $gt: false } },
  { v: { $gte: null } },
  { v: { $lt: null } },
  { s: 'open' },
  { s: { $ne: 'open' } },
  { s: { $in: ['open', 'closed'] } },
  { s: { $gt: 'O' } },
  { s: { $gte: '' } },
  { b: true },
  { b: false },
  { b: { $ne: false } },
  { d: { $lt: '2024-02-01' } },
  { d: { $gte: '2024-02-01', $lte: '2024-12-31' } },
  { d: null },
  { v: { $gt: 0 }, b: true },
  { s: 'open', v: { $in: [0, 1] }, d: { $ne: null } },
  // Conditions left undefined (optional inputs not given) constrain nothing.
  { v: { $gt: undefined }, s: undefined } as unknown as Filter,
];

describe('a read-model filter translated for MongoDB', () => {
  const embedded = openEmbeddedReadModelStore({ path: ':memory:' });

  beforeAll(async () => {
    await embedded.commit(
      'seed',
      DOCS.map((doc) => ({ collection: 'docs', id: doc.id, doc })),
      { from: 0, to: 1 },
    );
  });

  afterAll(async () => {
    await embedded.close();
  });

  const embeddedIds = async (filter: Filter, sort?: SortKey[]) =>
    (await embedded.find<Doc>('docs', { filter, sort })).items.map((doc) => doc.id);

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))(
    '%s selects what the embedded adapter selects',
    async (_, filter) => {
      const expected = await embeddedIds(filter);
      expect(mongo.find(DOCS, filterToMongo(filter), sortToMongo(undefined))).toEqual(expected);
    },
  );

  it.each<[string, 'asc' | 'desc', Filter]>([
    ['v', 'asc', { v: { $in: [0, 1, 2, 2.5] } }],
    ['v', 'desc', { v: { $in: [0, 1, 2, 2.5, null] } }],
    ['s', 'asc', { s: { $in: ['open', 'closed', '', 'Open', '督办'] } }],
    ['s', 'desc', { s: { $in: ['open', 'closed', '', 'Open', '督办', null] } }],
    ['d', 'asc', { d: { $lte: '2099' } }],
    ['b', 'desc', { b: { $in: [true, false] } }],
  ])('sorts %s %s like the embedded adapter, ties by id', async (field, direction, filter) => {
    const sort: SortKey[] = [{ field, direction }];
    const expected = await embeddedIds(filter, sort);
    expect(mongo.find(DOCS, filterToMongo(filter), sortToMongo(sort))).toEqual(expected);
  });
});

describe('a keyset page translated for MongoDB', () => {
  /** One field of numbers with ties, nulls and missing values; another of strings. */
  const KEYED: Doc[] = [
    { id: 'k1', n: 3, t: 'b' },
    { id: 'k2', n: 1, t: 'a' },
    { id: 'k3', n: null, t: 'c' },
    { id: 'k4', n: 3, t: 'a' },
    { id: 'k5' },
    { id: 'k6', n: 2, t: 'b' },
    { id: 'k7', n: 1, t: null },
  ];
  const embedded = openEmbeddedReadModelStore({ path: ':memory:' });

  beforeAll(async () => {
    await embedded.commit(
      'seed',
      KEYED.map((doc) => ({ collection: 'keyed', id: doc.id, doc })),
      { from: 0, to: 1 },
    );
  });

  afterAll(() => embedded.close());

  it.each<[string, 'asc' | 'desc']>([
    ['n', 'asc'],
    ['n', 'desc'],
    ['t', 'asc'],
    ['t', 'desc'],
  ])(
    'after each document, on %s %s, selects what the embedded adapter selects',
    async (field, direction) => {
      const sort: SortKey[] = [{ field, direction }];
      for (const doc of KEYED) {
        const after = { value: (doc[field] ?? null) as Scalar, id: doc.id };
        const expected = (await embedded.find<Doc>('keyed', { sort, after })).items.map(
          (d) => d.id,
        );
        expect(mongo.find(KEYED, keysetToMongo(sort, after), sortToMongo(sort))).toEqual(expected);
      }
    },
  );

  it('takes one sort key at most', () => {
    const two: SortKey[] = [
      { field: 'n', direction: 'asc' },
      { field: 't', direction: 'asc' },
    ];
    expect(() => keysetToMongo(two, { value: 1, id: 'k1' })).toThrow(TypeError);
  });
});

describe('the MongoDB query of a filter', () => {
  it('is empty without conditions', () => {
    expect(filterToMongo(undefined)).toEqual({});
    expect(filterToMongo({})).toEqual({});
    expect(filterToMongo({ status: undefined } as unknown as Filter)).toEqual({});
  });

  it('puts each value under an explicit operator, on the stored document, away from arrays', () => {
    expect(filterToMongo({ status: 'open', priority: { $gte: 2, $lt: 5 } })).toEqual({
      $and: [
        { 'doc.status': { $eq: 'open', $not: { $type: 'array' } } },
        { 'doc.priority': { $gte: 2, $not: { $type: 'array' } } },
        { 'doc.priority': { $lt: 5, $not: { $type: 'array' } } },
      ],
    });
  });

  it('keeps hostile values as plain values', () => {
    const hostile = { $where: 'sleep(1000)' } as unknown as string;
    expect(() => filterToMongo({ status: hostile })).toThrow(/unknown operator \$where/);
    expect(filterToMongo({ status: "open' || '1'=='1" })).toEqual({
      $and: [{ 'doc.status': { $eq: "open' || '1'=='1", $not: { $type: 'array' } } }],
    });
  });

  it.each(['a.b', '$where', '', 'a b', 'x"', '1st'])('refuses the field name %j', (field) => {
    expect(() => filterToMongo({ [field]: 1 })).toThrow(TypeError);
    expect(() => sortToMongo([{ field, direction: 'asc' }])).toThrow(TypeError);
    expect(() => fieldPath(field)).toThrow(TypeError);
  });

  it('refuses values that are not JSON scalars, and conditions that are not conditions', () => {
    const refuse = (filter: unknown) =>
      expect(() => filterToMongo(filter as Filter)).toThrow(TypeError);
    refuse({ v: Number.NaN });
    refuse({ v: Number.POSITIVE_INFINITY });
    refuse({ v: { $gt: {} } });
    refuse({ v: { $in: 'open' } });
    refuse({ v: { $in: [[1]] } });
    refuse({ v: [1, 2] });
    refuse({ v: { $regex: '.*' } });
  });
});

describe('the MongoDB sort of a query', () => {
  it('ends with the id, ascending, so pages are stable', () => {
    expect(sortToMongo(undefined)).toEqual({ _id: 1 });
    expect(
      Object.entries(
        sortToMongo([
          { field: 'status', direction: 'asc' },
          { field: 'priority', direction: 'desc' },
        ]),
      ),
    ).toEqual([
      ['doc.status', 1],
      ['doc.priority', -1],
      ['_id', 1],
    ]);
  });

  it('keeps the first of a repeated key, as ORDER BY would', () => {
    expect(
      sortToMongo([
        { field: 'status', direction: 'desc' },
        { field: 'status', direction: 'asc' },
      ]),
    ).toEqual({ 'doc.status': -1, _id: 1 });
  });

  it('refuses a direction other than asc or desc', () => {
    const sideways = [{ field: 'status', direction: 'up' }] as unknown as SortKey[];
    expect(() => sortToMongo(sideways)).toThrow(/direction up/);
  });
});
