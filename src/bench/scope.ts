/**
 * What a register's synthetic-data generator (its `synthetic` in the register module) needs to
 * know about the benchmark site it fills. The benchmark (scripts/bench/) writes deterministic
 * synthetic registers to their own directory, never over the demo data.
 */
export interface SynthesisScope {
  dataDir: string;
  contentDir: string;
  /** The data's as-of date; nothing generated happens after it. */
  asOf: string;
  jurisdiction: { name: string; code: string };
  counties: { code: string; name: string }[];
}
