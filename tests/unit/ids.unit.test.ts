import { deterministicId, newId } from '../../infra/ids/ids.ts';

const uuidV5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('an id derived from a name', () => {
  it('is the same for the same name', () => {
    expect(deterministicId('register-task:key-1')).toBe(deterministicId('register-task:key-1'));
  });

  it('differs between names', () => {
    const names = ['a', 'b', 'A', 'a ', '', 'register-task:key-1', 'register-task:key-2'];
    const ids = new Set(names.map(deterministicId));
    expect(ids.size).toBe(names.length);
  });

  it.each(['', 'a', 'register-task:key-1', '督查督办', 'x'.repeat(1000)])(
    'of %j has the layout of a version-5 uuid',
    (name) => {
      expect(deterministicId(name)).toMatch(uuidV5);
    },
  );
});

describe('a new id', () => {
  it('is a uuid', () => {
    expect(newId()).toMatch(uuid);
  });

  it('differs each call', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newId()));
    expect(ids.size).toBe(100);
  });
});
