/** Where the console is: `#/tasks/<id>?x=1` → path ['tasks', '<id>'] and its parameters. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export const parseRoute = (hash: string): Route => {
  const text = hash.replace(/^#\/?/, '');
  const [pathText = '', query = ''] = text.split('?');
  return {
    path: pathText.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
};

/** The hash for a path and parameters; empty parameters are left out. */
export const hrefOf = (path: string, params: Record<string, string | null | undefined> = {}) => {
  const kept = Object.entries(params).filter(
    (entry): entry is [string, string] =>
      entry[1] !== null && entry[1] !== undefined && entry[1] !== '',
  );
  const query = new URLSearchParams(kept).toString();
  return `#/${path}${query ? `?${query}` : ''}`;
};

/**
 * A filter form's submit handler: moves to `path` with the form's values as
 * parameters, so every filtered view has an address that can be linked.
 */
export const submitToAddress = (path: string) => (event: Event) => {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const params: Record<string, string> = {};
  for (const [name, value] of data.entries()) if (typeof value === 'string') params[name] = value;
  location.hash = hrefOf(path, params);
};
