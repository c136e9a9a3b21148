/** The heads' connection as the audit service answers it: edges, whose nodes are also listed. */
export const auditResolvers = {
  WitnessedHeadConnection: {
    nodes: (connection: { edges: { node: unknown }[] }) =>
      connection.edges.map((edge) => edge.node),
  },
};
