import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BrianError } from '../../src/diagnostics/index.ts';
import { type ModuleLoader, raster, renderPng, renderSvg, saveFigure } from '../../src/plot/index.ts';
import { skipUnlessPlotting as skip } from './helpers.ts';

/** A loader that behaves as if `missing` were not installed and loads everything else for real. */
function loaderWithout(missing: string, calls: string[] = []): ModuleLoader {
  return async (specifier) => {
    calls.push(specifier);
    if (specifier === missing) {
      const error = new Error(`Cannot find package '${specifier}' imported from brian-ts`);
      (error as { code?: string }).code = 'ERR_MODULE_NOT_FOUND';
      throw error;
    }
    return import(specifier);
  };
}

const panel = raster({ t: [0.01, 0.02], i: [0, 1] });

// BrianError in src/diagnostics currently renders `super.message`, which is Error.prototype's empty
// string, so every message body is lost. The message check below is a todo until that is fixed.
const messagesLost = new BrianError('bad_argument', 'probe').summary === '';
const messageTodo = messagesLost
  ? 'BrianError drops its message text (src/diagnostics/diagnostic.ts)'
  : false;

describe('missing plotting packages', () => {
  for (const missing of ['@observablehq/plot', 'linkedom']) {
    it(`reports ${missing} as a missing_dependency with the install command`, { skip }, async () => {
      await assert.rejects(renderSvg(panel, { loader: loaderWithout(missing) }), (error: unknown) => {
        assert.ok(error instanceof BrianError);
        assert.equal(error.code, 'missing_dependency');
        assert.equal(
          error.hint,
          'install the plotting packages: npm install @observablehq/plot linkedom @resvg/resvg-js',
        );
        assert.ok(
          error.message.includes('npm install @observablehq/plot linkedom @resvg/resvg-js'),
          error.message,
        );
        assert.ok((error as { cause?: unknown }).cause instanceof Error, 'keeps the original error');
        return true;
      });
    });

    it(`names ${missing} in the message`, { skip, todo: messageTodo }, async () => {
      await assert.rejects(renderSvg(panel, { loader: loaderWithout(missing) }), (error: BrianError) => {
        assert.ok(error.message.includes(`'${missing}'`), error.message);
        return true;
      });
    });
  }

  it('needs resvg only for PNG: SVG still renders without it', { skip }, async () => {
    const loader = loaderWithout('@resvg/resvg-js');
    assert.ok((await renderSvg(panel, { loader })).startsWith('<svg'));
    await assert.rejects(renderPng(panel, { loader }), { code: 'missing_dependency' });
    await assert.rejects(saveFigure(panel, '/nonexistent/never-written', { loader }), {
      code: 'missing_dependency',
    });
  });

  it('loads nothing until something is drawn', async () => {
    const calls: string[] = [];
    const loader = loaderWithout('', calls);
    raster({ t: [0.01], i: [0] });
    assert.deepEqual(calls, []);
    if (skip) return;
    await renderSvg(panel, { loader });
    assert.deepEqual(calls.sort(), ['@observablehq/plot', 'linkedom']);
  });
});

describe('keeping the core light', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('no module outside src/plot imports src/plot or a plotting package', () => {
    for (const file of files('src').filter((f) => !f.startsWith(join('src', 'plot')))) {
      const text = readFileSync(file, 'utf8');
      assert.ok(!/from\s+['"][^'"]*\/plot(\/[^'"]*)?['"]/.test(text), `${file} imports src/plot`);
      assert.ok(
        !/['"](@observablehq\/plot|linkedom|@resvg\/resvg-js)['"]/.test(text),
        `${file} names a plot package`,
      );
    }
  });

  it('src/plot imports the plotting packages only as types (values come through dynamic import)', () => {
    for (const file of files(join('src', 'plot'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(.*?)\s+from\s+['"]([^'"]+)['"]/gms)) {
        if (!m[2].startsWith('.') && !m[2].startsWith('node:')) {
          assert.ok(m[1].startsWith('type '), `${file} imports ${m[2]} at load time`);
        }
      }
    }
  });
});
