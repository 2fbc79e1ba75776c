/** What a kernel may write beyond the user's rules, set by the object that builds it. */
export interface WritePolicy {
  /** May this kernel write the variable even though users may not (e.g. `not_refractory` in the threshold)? */
  readonly internalWrites?: ReadonlySet<string>;
  /** Writes ignore variables' `conditionalWrite` (Brian's resetter: the reset writes refractory neurons). */
  readonly unconditionalWrites?: boolean;
  /**
   * Statements of the vector code may write shared variables (Brian's `ALLOWS_SCALAR_WRITE`:
   * state updates, `run_regularly`, setters): such a statement runs once, in the scalar block,
   * before the loop. Elsewhere (resets, synaptic code…) writing a shared variable is an error.
   */
  readonly scalarWrites?: boolean;
  /** Assignments skip the dimension check (Brian's raw setters, `G.v_ = 'expression'`: `check_units=False`). */
  readonly uncheckedUnits?: boolean;
}
