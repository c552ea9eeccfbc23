/**
 * fast-check settings for every property test: at least 1,000 runs, and a fixed seed so
 * that CI is deterministic. Set FC_SEED to explore other inputs; a failure prints its seed
 * and the shrunk counterexample, which reproduces it.
 */
export const propertyRuns = { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20261127) };
