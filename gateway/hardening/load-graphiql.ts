import type { GraphiQLPage, RenderGraphiQL } from './graphiql-page.ts';
import { graphiqlPage } from './graphiql-page.ts';

const rendererPackage = '@graphql-yoga/render-graphiql';

export interface LoadGraphiqlOptions {
  /** GRAPHIQL: off in production unless asked for. */
  enabled: boolean;
  title: string;
  logger: { warn(message: string): void };
  /** A test seam: imports the renderer's module. */
  load?: () => Promise<{ renderGraphiQL: RenderGraphiQL }>;
}

const importRenderer = () => import('@graphql-yoga/render-graphiql');

const notInstalled = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
};

const why = (error: unknown): string =>
  notInstalled(error)
    ? 'is not installed (a development dependency: a production install, npm ci --omit=dev, leaves it out)'
    : `could not be loaded (${error instanceof Error ? error.message : String(error)})`;

/**
 * GraphiQL's page, rendered when first asked for and then kept; null when
 * GraphiQL is off. Its renderer (17 MB) is imported only when GRAPHIQL is on, so
 * a production node, where it is off, never loads it. When it cannot be loaded
 * GraphiQL is off too, with a warning at start-up: GraphQL serves on without it.
 */
export const loadGraphiql = async (
  options: LoadGraphiqlOptions,
): Promise<(() => GraphiQLPage) | null> => {
  if (!options.enabled) return null;
  try {
    const { renderGraphiQL } = await (options.load ?? importRenderer)();
    let page: GraphiQLPage | null = null;
    return () => {
      page ??= graphiqlPage(renderGraphiQL, options.title);
      return page;
    };
  } catch (error) {
    options.logger.warn(
      `GraphiQL is off: ${rendererPackage} ${why(error)}; install it, or set GRAPHIQL=false to say so`,
    );
    return null;
  }
};
