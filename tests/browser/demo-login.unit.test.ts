import { demoLoginAllowed, demoUsers } from '../../gateway/schema/console/demo-login.ts';

describe('demo sign-in', () => {
  it('is never allowed in production, whatever DEMO_LOGIN says', () => {
    expect(demoLoginAllowed({ NODE_ENV: 'production', DEMO_LOGIN: 'true' }, ['--demo'])).toBe(
      false,
    );
  });

  it('follows DEMO_LOGIN outside production', () => {
    expect(demoLoginAllowed({ DEMO_LOGIN: 'true' })).toBe(true);
    expect(demoLoginAllowed({ DEMO_LOGIN: 'false' }, ['--demo'])).toBe(false);
  });

  it('is on by default only when the demo is served', () => {
    expect(demoLoginAllowed({})).toBe(false);
    expect(demoLoginAllowed({}, ['node', 'main.ts', '--demo'])).toBe(true);
    expect(demoLoginAllowed({ DEMO: '1' })).toBe(true);
  });

  it('refuses a value that is not a yes or a no, naming the variable', () => {
    expect(() => demoLoginAllowed({ DEMO_LOGIN: 'maybe' })).toThrow(/^DEMO_LOGIN=maybe/);
  });
});

describe("the demo's people", () => {
  const units = [{ id: 'edu', name: '教育局' }];
  const officials = [
    {
      id: 'deputy-wang',
      name: '王副主任',
      title: '副主任',
      posts: [{ post: 'responsible_leader' }],
    },
    { id: 'edu-head', name: '刘局长', title: '局长', posts: [{ post: 'unit_head' }] },
    {
      id: 'gone',
      name: '前任',
      title: '副主任',
      posts: [{ post: 'main_leader', vacatedOn: '2021-06-01' }],
    },
  ];

  it('are the office, the inspector, the sitting leaders, and a head and a liaison per unit', () => {
    expect(demoUsers(units, officials).map((user) => [user.sub, user.role, user.unitId])).toEqual([
      ['office-zhang', 'office', null],
      ['inspector-li', 'inspector', null],
      ['deputy-wang', 'leader', null],
      ['head-edu', 'department_head', 'edu'],
      ['liaison-edu', 'liaison', 'edu'],
    ]);
  });
});
