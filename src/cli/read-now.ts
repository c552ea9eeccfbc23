import { UsageError } from "./parse-args.js";

/**
 * "Now" for a whole build, read once: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, else the clock.
 */
export function readNow(env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${epoch}")`);
  return new Date(Number(epoch) * 1000);
}
