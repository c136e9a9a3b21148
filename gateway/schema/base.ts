import type { GatewayContext } from '../context.ts';
import { requireActor } from '../context.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from '../scalars.ts';

/**
 * Scalars, the Query root and who-am-I; each area extends Query (and Mutation,
 * which task registration opens).
 */
export const baseTypeDefs = /* GraphQL */ `
  """${DateScalar.description}"""
  scalar Date @specifiedBy(url: "${DateScalar.specifiedByURL}")

  """${DateTimeScalar.description}"""
  scalar DateTime @specifiedBy(url: "${DateTimeScalar.specifiedByURL}")

  """${JSONScalar.description}"""
  scalar JSON @specifiedBy(url: "${JSONScalar.specifiedByURL}")

  """
  Reads. Every field needs a bearer token (\`Authorization: Bearer <token>\`) and
  answers UNAUTHENTICATED without one, except \`demoLoginEnabled\` and \`demoUsers\`;
  each says which roles may call it. Errors carry \`extensions.code\`: VALIDATION
  (with \`field\` and \`rule\`), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT,
  ILLEGAL_STATE, RATE_LIMITED, OVERLOADED or UNAVAILABLE.
  """
  type Query {
    "Who the bearer token says you are. Any role."
    me: Actor!
  }

  "An actor's role, granted by its token. Each root field says which roles may call it."
  enum Role {
    """
    督查室, the supervision office: registers and assigns tasks, plans milestones,
    issues notices (督办单) and urges (催办), reviews extension requests first (初审),
    accepts or returns completion reports, publishes rules and keeps the directory.
    """
    OFFICE
    """
    责任单位负责人, the head of one unit (\`Actor.unitId\`): signs for (签收), reports on
    and completes the work of tasks its unit leads (牵头单位) or cooperates on (配合单位).
    """
    DEPARTMENT_HEAD
    """
    领导, a leader: reads everything, issues instructions (批示), decides the extensions the
    office forwarded on the tasks it is the responsible leader (分管领导) of, escalates and
    coordinates blockages (堵点).
    """
    LEADER
    """
    纪检监察, a discipline inspector: reads every event, searches and verifies the audit log,
    records accountability (问责).
    """
    INSPECTOR
    """
    The system itself, never a person: the supervision clock (\`clock\`) and the audit signer
    (\`audit\`).
    """
    SYSTEM
    """
    联络员, a liaison named by one unit (\`Actor.unitId\`): signs for (签收) its tasks and
    reports their progress, as a draft the unit head approves (审核) where the ruleset asks.
    """
    LIAISON
  }

  "Who acted, or who asks: the subject of a verified token, or the system."
  type Actor {
    "The token's subject, e.g. \`office-zhang\`; \`clock\` or \`audit\` for the system."
    id: ID!
    "The role the token grants."
    role: Role!
    "The unit a department head or a liaison acts for; null for every other role."
    unitId: ID
    "The display name the token carries; null when it carries none."
    name: String
  }
`;

export const baseResolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    me: (_: unknown, __: unknown, ctx: GatewayContext) => requireActor(ctx),
  },
};
