import { parseArgs } from 'node:util';
import { selectExampleDevice } from '../../models/device-option.ts';

/** The options every compartmental example takes: `--out`, `--device`, `--project`, `--no-figure`. */
export function compartmentalArgs(out: string) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: out },
      device: { type: 'string', default: 'runtime' },
      project: { type: 'string', default: `${out}-standalone` },
      'no-figure': { type: 'boolean', default: false },
    },
  });
  const standalone = selectExampleDevice(values);
  return { ...values, out: values.out, standalone };
}
