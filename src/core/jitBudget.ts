// How long V8 lets a function run before it considers optimising it, for this process and its
// render workers (V8's flags are per process: set as the command starts, its first import, before it
// loads a stage or starts a worker). A build is a short run in a fresh process: with V8's default budget (67 584 bytes of
// bytecode executed per tick) the optimising compiler is busy with functions that are done before
// their optimised code would pay, and its threads take the core the render worker runs beside. Eight
// times the default, measured with `npm run bench` on this project's 2 cores: one Alver vedtak from
// process start 1.74 → 1.42 s, høyring and vedtak 2.45 → 2.05 s, four times the content 3.03 → 2.83 s
// with 9 % less peak memory; two and twelve times the default gave the same within the noise, the
// optimiser off (--no-opt) or baseline code only (--max-opt=1) were a quarter slower. JIT tiers do not
// change what the code computes: the bytes are the same. Node warns that a V8 flag set after start
// may do nothing or worse; this one is only the tiering heuristic, read each time a function's budget
// is given out, so code compiled before it keeps the old one and nothing else changes. A budget given
// on the node command line (`node --interrupt-budget=N dist/cli.js`) is left as it is.
import { setFlagsFromString } from 'node:v8';

/** V8's interrupt budget for this process: eight times its default. */
const INTERRUPT_BUDGET = 8 * 67_584;

if (!process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
