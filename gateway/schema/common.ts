/**
 * What several areas answer or take and none owns: a command's revision and
 * position, a page's cursor, evidence offered by name and hash.
 */
export const commonTypeDefs = /* GraphQL */ `
  "The stream revision after the command, and the global position of its last event."
  type RevisionPayload {
    revision: Int!
    position: Int!
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  "A file offered as evidence (佐证材料), named by its SHA-256."
  input EvidenceInput {
    fileName: String!
    "64 lowercase hex digits."
    sha256: String!
    "Bytes."
    size: Int!
  }

  "A file offered as evidence (佐证材料), named by its SHA-256."
  type Evidence {
    fileName: String!
    sha256: String!
    "Bytes."
    size: Float!
  }
`;
