import { readFileSync } from 'node:fs';
import { permissionsMarkdown } from '../../contracts/permissions-table.ts';

describe('the README', () => {
  it('prints the permission matrix the services enforce (npm run --silent permissions:table)', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(permissionsMarkdown());
  });
});
