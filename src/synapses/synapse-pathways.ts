import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';

/** One pathway as the Synapses options describe it. */
export interface PathwaySpec {
  /** `pre`, `post`, or the key of an `onPre`/`onPost` record. */
  readonly name: string;
  readonly prepost: 'pre' | 'post';
  readonly code: string;
  /** The same delay for every synapse (seconds), from the `delay` option. */
  readonly delay?: number;
  /** The source's event that triggers the pathway (`onEvent`), `spike` by default. */
  readonly event: string;
}

export interface PathwayOptions {
  readonly onPre?: string | Readonly<Record<string, string>>;
  readonly onPost?: string | Readonly<Record<string, string>>;
  readonly delay?: Quantity | Readonly<Record<string, Quantity>>;
  readonly onEvent?: string | Readonly<Record<string, string>>;
}

/**
 * The pathways of a Synapses object from its options, checked as Brian checks them: a delay
 * must be a time and belong to a pathway that exists (`delay: ms(5)` is the `pre` pathway's),
 * names are unique, events are strings.
 */
export function pathwaySpecs(owner: string, options: PathwayOptions): PathwaySpec[] {
  const delays = delaysByPathway(owner, options.delay);
  const events = options.onEvent ?? 'spike';
  if (typeof events !== 'string' && !isRecord(events)) {
    throw new BrianError('bad_argument', `${owner}: onEvent must be an event name or a record of them.`);
  }
  const specs: PathwaySpec[] = [];
  for (const prepost of ['pre', 'post'] as const) {
    const code = prepost === 'pre' ? options.onPre : options.onPost;
    if (code === undefined || code === '') continue;
    const entries =
      typeof code === 'string' ? [[prepost, code] as const] : isRecord(code) ? Object.entries(code) : [];
    if (typeof code !== 'string' && !isRecord(code)) {
      throw new BrianError(
        'bad_argument',
        `${owner}: on${prepost === 'pre' ? 'Pre' : 'Post'} must be statements or a record of them.`,
      );
    }
    for (const [name, statements] of entries) {
      if (specs.some((s) => s.name === name)) {
        throw new BrianError('bad_argument', `${owner} has two pathways named "${name}".`);
      }
      if (typeof statements !== 'string') {
        throw new BrianError(
          'bad_argument',
          `${owner}: the statements of pathway "${name}" must be a string.`,
        );
      }
      const event = typeof events === 'string' ? events : (events[name] ?? 'spike');
      specs.push({ name, prepost, code: statements, delay: delays.get(name), event });
    }
  }
  for (const name of delays.keys()) {
    if (!specs.some((s) => s.name === name)) {
      throw new BrianError(
        'bad_argument',
        `${owner}: cannot set the delay of pathway "${name}": there is no such pathway.`,
        {
          hint: specs.length
            ? `its pathways are: ${specs.map((s) => s.name).join(', ')}`
            : 'give onPre or onPost code first',
        },
      );
    }
  }
  return specs;
}

/** `delay: ms(5)` (the `pre` pathway) or `{ pre1: ms(5), post: ms(1) }`, in seconds. */
function delaysByPathway(owner: string, delay: PathwayOptions['delay']): Map<string, number> {
  const out = new Map<string, number>();
  if (delay === undefined) return out;
  const entries =
    delay instanceof Quantity
      ? [['pre', delay] as const]
      : isRecord(delay)
        ? Object.entries(delay)
        : undefined;
  if (entries === undefined) {
    throw new BrianError(
      'bad_argument',
      `${owner}: delay must be a time (ms(5)) or a record of times per pathway.`,
    );
  }
  for (const [name, d] of entries) {
    if (!(d instanceof Quantity)) {
      throw new BrianError(
        'bad_argument',
        `${owner}: the delay of pathway "${name}" must be a time, got ${String(d)}.`,
      );
    }
    if (d.dim !== second.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `${owner}: the delay of pathway "${name}" must be a time, got ${d}.`,
      );
    }
    out.set(name, d.value);
  }
  return out;
}

function isRecord(x: unknown): x is Readonly<Record<string, unknown>> {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    !(x instanceof Quantity) &&
    Object.getPrototypeOf(x) === Object.prototype
  );
}
