import type { Morphology } from './morphology.ts';

/**
 * Brian's `Topology` string (after NEURON's `topology()`): one line per section, a soma drawn
 * as `( )`, other sections as one `-` per compartment and a `|`, indented under their parent,
 * each with its path of names:
 *
 *     ( )  [root]
 *        `-----|  .L
 *        `----------|  .R
 */
export function topologyString(morphology: Morphology): string {
  const lines: string[] = [];
  const visit = (section: Morphology, indent: number, path: string, hasParent: boolean) => {
    const width = Math.max(1, section.n);
    let line = ' '.repeat(indent);
    if (hasParent) line += '`';
    line += section.isSoma ? '( )' : `${'-'.repeat(width)}|`;
    line += path.length === 0 ? '  [root] ' : `  ${path}`;
    lines.push(line);
    for (const child of section.children) {
      const name = section.children.name(child);
      visit(child, indent + 2 + width, `${path}.${name}`, true);
    }
  };
  visit(morphology, 0, '', false);
  return `${lines.join('\n')}\n`;
}
