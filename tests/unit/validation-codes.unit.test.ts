import { fieldOf } from '../../gateway/plugins/validation-codes.ts';

describe('the field of a graphql-js input error', () => {
  it.each([
    [
      'a variable with an invalid field value',
      'Variable "$i" got invalid value "x" at "i.dueDate"; String cannot represent a non string value: 5',
      'dueDate',
    ],
    [
      'a variable with an invalid nested field value',
      'Variable "$i" got invalid value 3 at "i.items[0].name"; String cannot represent a non string value: 3',
      'items[0].name',
    ],
    [
      'a variable whose invalid value quotes a path of its own',
      'Variable "$input" got invalid value "meet at \\"a.b\\"" at "input.n"; Int cannot represent non-integer value',
      'n',
    ],
    [
      'a literal missing a required field',
      'Field "RegisterTaskInput.title" of required type "String!" was not provided.',
      'title',
    ],
    [
      'a variable missing a required field',
      'Variable "$i" got invalid value { dueDate: "d" }; Field "title" of required type "String!" was not provided.',
      'title',
    ],
    ['an unknown field', 'Field "foo" is not defined by type "RegisterTaskInput".', 'foo'],
    [
      'a variable missing a nested required field',
      'Variable "$i" got invalid value {} at "i.items[0]"; Field "name" of required type "String!" was not provided.',
      'items[0].name',
    ],
    [
      'a required argument left out',
      'Field "task" argument "id" of type "ID!" is required, but it was not provided.',
      'id',
    ],
    [
      'an unknown field of a variable',
      'Variable "$i" got invalid value { foo: 1 }; Field "foo" is not defined by type "RegisterTaskInput".',
      'foo',
    ],
    [
      'an argument without a runtime value',
      'Argument "id" of required type "ID!" was provided the variable "$id" which was not provided a runtime value.',
      'id',
    ],
  ])('in %s is named', (_name, message, field) => {
    expect(fieldOf(message)).toBe(field);
  });

  it.each([
    ['a syntax error', 'Syntax Error: Expected Name, found <EOF>.'],
    ['a message naming no field', 'String cannot represent a non string value: 1'],
    [
      'a whole variable left out',
      'Variable "$i" of required type "RegisterTaskInput!" was not provided.',
    ],
    ['an empty message', ''],
  ])('in %s is unknown', (_name, message) => {
    expect(fieldOf(message)).toBeUndefined();
  });
});
