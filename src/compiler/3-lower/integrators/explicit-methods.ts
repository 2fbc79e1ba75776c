import { explicitMethod } from './explicit.ts';
import { noiseSymbolsOf } from './noise.ts';
import type { IntegrationContext, IntegrationProblem, OdeEquation } from './types.ts';

/**
 * Brian's explicit integrators, as data: the descriptions are those of
 * brian2/stateupdaters/explicit.py, character for character where the syntax allows.
 */

/** Forward Euler; Euler–Maruyama for additive noise. */
export const euler = explicitMethod('euler', 'x_new = x + dt * f(x,t) + g(x,t) * dW', 'additive');

/** Second-order Runge–Kutta (midpoint method). */
export const rk2 = explicitMethod(
  'rk2',
  `
    k = dt * f(x,t)
    x_new = x + dt*f(x +  k/2, t + dt/2)`,
  'none',
);

/** The classical fourth-order Runge–Kutta method. */
export const rk4 = explicitMethod(
  'rk4',
  `
    k_1 = dt*f(x,t)
    k_2 = dt*f(x+k_1/2,t+dt/2)
    k_3 = dt*f(x+k_2/2,t+dt/2)
    k_4 = dt*f(x+k_3,t+dt)
    x_new = x+(k_1+2*k_2+2*k_3+k_4)/6
    `,
  'none',
);

/**
 * Brian's `diagonal_noise` check: every equation has at most one noise source and no source
 * is shared between equations.
 */
function diagonalNoise(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  method: string,
): IntegrationProblem | undefined {
  const seen = new Map<string, string>();
  for (const eq of eqs) {
    const symbols = noiseSymbolsOf(eq, ctx);
    const shared = symbols.find((s) => seen.has(s));
    if (symbols.length > 1 || shared) {
      const detail =
        symbols.length > 1
          ? `d${eq.name}/dt uses ${symbols.join(' and ')}`
          : `${shared} appears in d${seen.get(shared!)}/dt and d${eq.name}/dt`;
      return {
        reason: `${method} cannot integrate stochastic equations with non-diagonal noise (${detail}); use heun`,
        span: eq.span,
      };
    }
    for (const s of symbols) seen.set(s, eq.name);
  }
  return undefined;
}

/** Derivative-free Milstein method, for diagonal multiplicative noise. */
export const milstein = explicitMethod(
  'milstein',
  `
    x_support = x + dt*f(x, t) + dt**.5 * g(x, t)
    g_support = g(x_support, t)
    k = 1/(2*dt**.5)*(g_support - g(x, t))*(dW**2)
    x_new = x + dt*f(x,t) + g(x, t) * dW + k
    `,
  'multiplicative',
  diagonalNoise,
);

/** Stochastic Heun method (Stratonovich, multiplicative and non-diagonal noise). */
export const heun = explicitMethod(
  'heun',
  `
    x_support = x + g(x,t) * dW
    g_support = g(x_support,t+dt)
    x_new = x + dt*f(x,t) + .5*dW*(g(x,t)+g_support)
    `,
  'multiplicative',
);
