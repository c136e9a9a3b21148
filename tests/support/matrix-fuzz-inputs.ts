import fc from 'fast-check';
import type { GraphQLInputObjectType, GraphQLInputType, GraphQLNamedInputType } from 'graphql';
import { isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import {
  dateTimeValue,
  dateValue,
  floatValue,
  garbageValue,
  idValue,
  intValue,
  likelyValue,
  textValue,
} from './matrix-fuzz-values.ts';

/** Marks a field left out of an input object. */
const absent = Symbol('absent');

/** What the generator draws on: ids that exist, so that some inputs go deep. */
export interface FuzzPools {
  /** Every id the scenario made. */
  ids: readonly string[];
  /** The ids fit for a field, by its name (`taskId`, `milestoneId`, `unitId`…). */
  byField: Readonly<Record<string, readonly string[]>>;
}

/** Ids fit for the field: those made for that name, unit ids for any unit field, else any. */
const idsFor = ({ ids, byField }: FuzzPools, field: string | null): readonly string[] => {
  if (field === null) return ids;
  const unitField = /unitIds?$/i.test(field) ? 'unitId' : field;
  return byField[field] ?? byField[unitField] ?? ids;
};

/**
 * `hostile`: nulls, missing fields, unknown fields and garbage anywhere.
 * `plausible`: shaped exactly as the schema says, only the contents random, so
 * that the services' own rules and the task's are reached more often.
 */
export type FuzzMode = 'hostile' | 'plausible';

interface Draw {
  pools: FuzzPools;
  mode: FuzzMode;
  depth: number;
  /** The name of the field or argument being drawn, for ids fit for it. */
  field: string | null;
}

const deeper = (draw: Draw, field = draw.field): Draw => ({
  ...draw,
  depth: draw.depth + 1,
  field,
});

/** Garbage instead of a value of the right type, at any level: one draw in this many. */
const garbageOdds = 12;

const likelyScalars = new Set(['ID', 'Int', 'Float', 'Date', 'String']);

/** A scalar: in plausible mode most often a value the rules accept. */
const scalarValue = (name: string, draw: Draw): fc.Arbitrary<unknown> => {
  const any = anyScalarValue(name, draw);
  const keyed = draw.field === 'idempotencyKey';
  if (draw.mode === 'hostile' || keyed || !likelyScalars.has(name)) return any;
  const likely = likelyValue(name, idsFor(draw.pools, draw.field));
  return fc.oneof({ weight: 3, arbitrary: likely }, any);
};

const anyScalarValue = (name: string, { pools, field }: Draw): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'ID':
      return idValue(idsFor(pools, field));
    case 'Int':
      return intValue();
    case 'Float':
      return floatValue();
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return dateValue();
    case 'DateTime':
      return dateTimeValue();
    case 'String':
      // Mostly fresh keys: a key already used answers with its first command's result.
      return field === 'idempotencyKey'
        ? fc.oneof({ weight: 3, arbitrary: fc.uuid() }, textValue())
        : textValue();
    default:
      return garbageValue();
  }
};

const namedValue = (type: GraphQLNamedInputType, draw: Draw) => {
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((value) => value.name));
    return draw.mode === 'plausible'
      ? values
      : fc.oneof({ weight: 5, arbitrary: values }, textValue());
  }
  if (isInputObjectType(type)) return objectValue(type, draw);
  return scalarValue(type.name, draw);
};

const unknownField = (draw: Draw) =>
  draw.mode === 'plausible'
    ? fc.constant(null)
    : fc.oneof(
        { weight: 15, arbitrary: fc.constant(null) },
        fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), garbageValue()),
      );

/** Every field drawn, most present, some left out, now and then an unknown one beside them. */
const objectValue = (
  type: GraphQLInputObjectType,
  draw: Draw,
): fc.Arbitrary<Record<string, unknown>> => {
  const fields = Object.values(type.getFields());
  const drawn = fields.map((field) => {
    const value = fieldValue(field.type, deeper(draw, field.name));
    const required = draw.mode === 'plausible' && isNonNullType(field.type);
    return required ? value : fc.option(value, { freq: 8, nil: absent });
  });
  return fc.tuple(fc.tuple(...drawn), unknownField(draw)).map(([values, unknown]) => {
    const object: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      if (values[index] !== absent) object[field.name] = values[index];
    });
    if (unknown) object[unknown[0]] = unknown[1];
    return object;
  });
};

const listValue = (inner: GraphQLInputType, draw: Draw) => {
  const item = fieldValue(inner, deeper(draw));
  const short = fc.array(item, { maxLength: 4 });
  if (draw.mode === 'plausible') return short;
  return fc.oneof(
    { weight: 6, arbitrary: short },
    // A single value is coerced into a list of one by GraphQL.
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: fc.array(item, { minLength: 21, maxLength: 120 }) },
  );
};

/** A value of the type; in hostile mode now and then null, or garbage instead. */
const fieldValue = (type: GraphQLInputType, draw: Draw): fc.Arbitrary<unknown> => {
  if (draw.depth > 6) return garbageValue();
  if (isNonNullType(type)) {
    const value = fieldValue(type.ofType, draw);
    return draw.mode === 'plausible'
      ? value
      : fc.oneof({ weight: 15, arbitrary: value }, fc.constant(null));
  }
  const typed = isListType(type) ? listValue(type.ofType, draw) : namedValue(type, draw);
  if (draw.mode === 'plausible') return typed;
  return fc.oneof(
    {
      weight: garbageOdds,
      arbitrary: fc.oneof({ weight: 4, arbitrary: typed }, fc.constant(null)),
    },
    garbageValue(),
  );
};

/**
 * Random values for a GraphQL input type: shaped like it, with edge and hostile
 * contents; in hostile mode also required fields null or missing, unknown
 * fields, and garbage in place of any value now and then.
 */
export const inputValue = (
  type: GraphQLInputType,
  pools: FuzzPools,
  mode: FuzzMode,
  field: string | null = null,
): fc.Arbitrary<unknown> => fieldValue(type, { pools, mode, depth: 0, field });
