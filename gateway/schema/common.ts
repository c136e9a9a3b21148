/**
 * What several areas answer or take and none owns: a command's revision and
 * position, a page's cursor, evidence offered by name and hash.
 */
export const commonTypeDefs = /* GraphQL */ `
  "The stream revision after the command, and the global position of its last event."
  type RevisionPayload {
    "The stream's revision after the command: revisions count the stream's events from 0."
    revision: Int!
    """
    Global position of the command's last event in the whole log (1, 2, 3…, no gaps).
    A read model or board reflects the command once its own \`position\` reaches this.
    """
    position: Int!
  }

  "Every ordered list's direction."
  enum OrderDirection {
    "Ascending: smallest, earliest or first in alphabetical order first."
    ASC
    "Descending: largest, latest or last in alphabetical order first."
    DESC
  }

  """
  Where a page stands in its list (Relay cursor connections). Cursors are opaque
  strings: pass one back only to the same field with the same filter and order.
  """
  type PageInfo {
    "Whether items follow this page: ask for them with \`after: endCursor\`."
    hasNextPage: Boolean!
    "Whether items precede this page."
    hasPreviousPage: Boolean!
    "The cursor of the page's first edge; null when the page is empty."
    startCursor: String
    "The cursor of the page's last edge; null when the page is empty."
    endCursor: String
  }

  """
  A file offered as evidence (佐证材料), named by its SHA-256. The file stays
  with the unit; the record keeps its name, hash and size, so it can be checked later.
  """
  input EvidenceInput {
    "The file's name, 1–255 characters."
    fileName: String!
    "SHA-256 of the file's bytes: 64 lowercase hex digits."
    sha256: String!
    "The file's size in bytes, 0 or more."
    size: Int!
  }

  "A file offered as evidence (佐证材料), named by its SHA-256."
  type Evidence {
    "The file's name, as offered."
    fileName: String!
    "SHA-256 of the file's bytes: 64 lowercase hex digits."
    sha256: String!
    "The file's size in bytes."
    size: Float!
  }
`;
