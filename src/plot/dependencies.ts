/**
 * Lazy loading of the optional plotting packages.
 *
 * The core simulator has no dependencies, so `brian-ts/plot` loads Observable Plot, linkedom and
 * resvg with dynamic `import()` only when something is rendered. A missing package becomes a
 * `missing_dependency` BrianError that names the npm packages to install. Tests (and unusual
 * setups, e.g. a bundler) pass their own {@link ModuleLoader}.
 */
import type * as PlotModule from '@observablehq/plot';
import type * as ResvgModule from '@resvg/resvg-js';
import type * as LinkedomModule from 'linkedom';
import { BrianError } from '../diagnostics/index.ts';

/** Loads a module by its specifier; the default is the runtime's dynamic `import()`. */
export type ModuleLoader = (specifier: string) => Promise<unknown>;

/** What drawing an SVG needs: Observable Plot and a DOM to draw into. */
export interface SvgToolkit {
  readonly Plot: typeof PlotModule;
  readonly document: Document;
}

/** The npm packages `brian-ts/plot` uses, with what each one is for. */
export const PLOT_PACKAGES = {
  /** Observable Plot draws the panels. */
  plot: '@observablehq/plot',
  /** linkedom is the DOM Plot draws into outside a browser. */
  dom: 'linkedom',
  /** resvg turns SVG into PNG. */
  png: '@resvg/resvg-js',
} as const;

const INSTALL_ALL = `npm install ${Object.values(PLOT_PACKAGES).join(' ')}`;

const defaultLoader: ModuleLoader = (specifier) => import(specifier);

// The default loader's modules are cached; injected loaders are called every time (tests count on it).
const cache = new Map<string, Promise<unknown>>();

async function load<T>(specifier: string, purpose: string, loader: ModuleLoader | undefined): Promise<T> {
  const loading = loader ? loader(specifier) : cachedDefault(specifier);
  try {
    return (await loading) as T;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    const error = new BrianError(
      'missing_dependency',
      `brian-ts/plot needs the npm package '${specifier}' ${purpose}, but it could not be loaded (${reason}).`,
      { hint: `install the plotting packages: ${INSTALL_ALL}` },
    );
    (error as { cause?: unknown }).cause = cause;
    throw error;
  }
}

function cachedDefault(specifier: string): Promise<unknown> {
  let loading = cache.get(specifier);
  if (!loading) {
    loading = defaultLoader(specifier);
    // A failed load is not cached, so installing the package fixes a long-running session.
    loading.catch(() => cache.delete(specifier));
    cache.set(specifier, loading);
  }
  return loading;
}

/** Loads Observable Plot and linkedom and makes a fresh document to draw into. */
export async function loadSvgToolkit(loader?: ModuleLoader): Promise<SvgToolkit> {
  const [Plot, linkedom] = await Promise.all([
    load<typeof PlotModule>(PLOT_PACKAGES.plot, 'to draw figures', loader),
    load<typeof LinkedomModule>(PLOT_PACKAGES.dom, 'to build SVG outside a browser', loader),
  ]);
  const { document } = linkedom.parseHTML('<!doctype html><html><body></body></html>');
  return { Plot, document: document as unknown as Document };
}

/** Loads resvg's `Resvg` class (SVG → PNG). */
export async function loadResvg(loader?: ModuleLoader): Promise<typeof ResvgModule.Resvg> {
  const resvg = await load<typeof ResvgModule>(PLOT_PACKAGES.png, 'to write PNG files', loader);
  // resvg-js is CommonJS: under ESM its exports may sit on `default`.
  return resvg.Resvg ?? (resvg as unknown as { default: typeof ResvgModule }).default.Resvg;
}
