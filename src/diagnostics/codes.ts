/**
 * The catalog of error codes. Codes are stable: tests assert on them and users can search for them.
 * Add new codes here (alphabetically within a phase) with a one-line description.
 */
export const ERROR_CODES = {
  // 1-parse
  syntax_error: 'text that is not a valid expression or statement',
  unexpected_character: 'a character that has no meaning in Brian code (e.g. ^, $, ?)',
  unexpected_token: 'a token in the wrong place',
  unterminated_expression: 'the text ends in the middle of an expression',
  equation_syntax: 'a line of an equation block that is not `dx/dt = …`, `x = …` or `x : unit`',
  equation_bad_flag: 'a flag that does not exist or is not allowed for this kind of equation',
  equation_duplicate_variable: 'the same name defined twice in equations',
  equation_missing_unit: 'an equation line without `: unit`',
  equation_bad_unit: 'a unit expression that is not a valid unscaled unit',
  invalid_identifier: 'a name that may not be used for a variable (reserved, leading _, …)',
  invalid_assignment: 'a statement that assigns to something that cannot be assigned',
  equation_bad_noise: 'white noise xi outside a differential equation, or one bare xi in two equations',
  nesting_too_deep: 'an expression nested (or a chain of terms) deeper than the compiler handles',
  generator_syntax: 'a Synapses.connect generator that is not `EXPR for VAR in range(…)/sample(…) [if COND]`',
  // 2-analyze
  unknown_identifier: 'a name that is neither a variable, a namespace entry, a unit nor a function',
  unknown_function: 'a call to a function that does not exist',
  wrong_argument_count: 'a function called with the wrong number of arguments',
  dimension_mismatch: 'quantities of different physical dimensions combined',
  dimension_not_dimensionless: 'a dimensionless value was required',
  type_mismatch: 'a boolean used as a number or vice versa',
  read_only_variable: 'an assignment to a read-only variable (i, N, t, a constant …)',
  shared_write_in_vector_code: 'a shared variable written from per-element code',
  shared_subexpression: 'a (shared) subexpression that refers to a per-element variable',
  stateful_subexpression: 'a subexpression calling rand()/randn() without (constant over dt)',
  cyclic_definition: 'subexpressions that refer to each other in a cycle',
  integration_unsupported: 'the chosen integration method cannot handle these equations',
  unknown_method: 'an integration method name that does not exist',
  // API layer
  bad_argument: 'an argument of the wrong kind or out of range',
  missing_unit: 'a bare number where a quantity with a dimension is expected',
  index_out_of_range: 'an index outside a group or monitor',
  unknown_variable: 'a group or monitor has no variable of that name',
  not_recorded: 'a monitor value that was not recorded',
  magic_error: 'run() cannot tell which objects belong to the simulation, or the magic network was modified',
  clock_finished: 'a clock advanced past the end of its interval (Brian: StopIteration)',
  duplicate_name: 'two objects of one network share a name',
  unknown_object: 'a network has no object of that name',
  store_mismatch: 'restore() of a state stored for objects with other names',
  repeated_stateful_call:
    'rand()/randn() called twice in one expression of an equation (Brian: NotImplementedError)',
  store_not_found: 'restore() of a snapshot that was never stored',
  snapshot_format:
    'a snapshot or checkpoint file that is not one, or of a format version this brian-ts does not read',
  network_error: 'an object used in two networks, or a network in an inconsistent state',
  summed_variable_conflict:
    'two Synapses objects summing into the same elements of one variable (found at run())',
  event_driven_dependency:
    'an event-driven synaptic variable used by clock-driven or summed ones, or the other way round',
  not_connected: 'a Synapses object used (run, or a synaptic variable set) before connect()',
  not_available_on_device: 'a kernel or operation that the active device cannot do',
  not_available_on_platform: 'a feature that needs Node.js (g++, files, child processes) used elsewhere',
  missing_dependency: 'an optional npm package (e.g. for plotting) that is not installed',
  empty_data: 'a plot or an export given no values (an empty series, a monitor that recorded nothing)',
  unknown_option:
    'an options object with a key the function does not take (a misspelling, or Brian snake_case)',
  positional_argument:
    'a Brian keyword argument given by position; brian-ts takes them in one options object',
  invalid_name: 'an object, clock, function or pathway name that is not a valid identifier',
  numerical_error:
    'NaN or infinite values in the state of a group during a run (object, variable, first index and time step named)',
  too_many_steps:
    'a run whose number of time steps is infinite or beyond the limit (a huge duration or a tiny dt)',
  // multicompartment neurons
  unknown_section: 'a morphology or SpatialNeuron has no subtree (section) of that name',
  morphology_format: 'a malformed SWC file or point list (the line and field are named)',
  membrane_current: "a SpatialNeuron's Im missing, flagged, or not differentiable with respect to v",
  // standalone device
  compiler_not_found: 'no C++ compiler (or make) for the cpp_standalone device',
  directory_in_use: 'a standalone project directory in use by another process at the same time',
  compile_error: 'the generated C++ program, or a user function in it, did not compile',
  standalone_run_error: 'the compiled standalone program failed while running',
  duplicate_spikes: 'a SpikeGeneratorGroup neuron with two spikes in one time step',
  // MPI (distributed standalone)
  mpi_not_found: 'mpicxx or mpirun (Open MPI) missing for a cpp_standalone device with mpi',
  mpi_not_supported: 'a model feature that cannot run distributed over MPI processes',
} as const;

/** The code of a {@link BrianError}: one of the keys of `ERROR_CODES` (each with a one-line meaning). */
export type ErrorCode = keyof typeof ERROR_CODES;
