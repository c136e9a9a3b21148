/**
 * Prints a signed token and nothing else:
 *   npm run --silent token -- --role office
 *   npm run --silent token -- --role department_head --unit edu --sub zhang --name 张三
 *   npm run --silent token -- --role liaison --unit edu
 * `--demo` (or DEMO=1) signs with the secret of `npm start -- --demo`, kept in
 * the demo's data directory.
 */
import { parseArgs } from 'node:util';
import { humanRoles } from '../contracts/actor.ts';
import { demoAsked, demoEnv } from '../demo/demo-env.ts';
import { tokenPolicyOf } from '../infra/auth/from-config.ts';
import { loadOrCreateSecret } from '../infra/auth/secret.ts';
import type { TokenClaims } from '../infra/auth/tokens.ts';
import { signToken } from '../infra/auth/tokens.ts';
import { loadConfig } from '../infra/config/config.ts';

const fail = (message: string): never => {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    unit: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
    demo: { type: 'boolean', default: false },
  },
});

const role = values.role ?? fail(`--role is required (${humanRoles.join(', ')})`);
if (!(humanRoles as readonly string[]).includes(role))
  fail(`--role must be one of ${humanRoles.join(', ')}`);
if ((role === 'department_head' || role === 'liaison') && !values.unit)
  fail(`--unit is required for a ${role}`);

const config = loadConfig(
  demoAsked(process.argv, process.env) ? demoEnv(process.env) : process.env,
);
const secret = loadOrCreateSecret(config.dataDir, config.jwtSecret);
const claims: TokenClaims = {
  sub: values.sub ?? `${role}${values.unit ? `-${values.unit}` : ''}`,
  role: role as TokenClaims['role'],
};
if (values.unit) claims.unit = values.unit;
if (values.name) claims.name = values.name;
process.stdout.write(`${await signToken(secret, claims, values.ttl, tokenPolicyOf(config))}\n`);
