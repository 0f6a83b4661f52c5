import { commitments } from "./commitments/index.ts";
import { exposures } from "./exposures/index.ts";
import { hearings } from "./hearings/index.ts";
import { ledgers } from "./ledgers/index.ts";
import { mailbox } from "./mailbox/index.ts";
import { projects } from "./projects/index.ts";
import type { AnyRegister } from "./module.ts";

/**
 * Every register the software knows, in the order the site shows them (navigation, home page,
 * /data/, feeds, editor guide). Adding a register is one folder and one line here; a city turns
 * it on by listing its key in `site.json` `sections`.
 */
export const registers: readonly AnyRegister[] = [
  exposures,
  mailbox,
  commitments,
  projects,
  hearings,
  ledgers,
];
