import type { Region } from "../../data/regions.ts";
import { commitmentListingData } from "./listing.ts";
import type { RegisterListingData } from "../listing.ts";
import type { CommitmentRegister } from "./load.ts";

export interface CommitmentSection extends RegisterListingData {
  register: CommitmentRegister;
}

/**
 * The 民生实事 register with its listing, or undefined on a site that does not run the
 * section (then its routes make no pages and nothing links to them).
 */
export function commitmentSection(
  register: CommitmentRegister | undefined,
  counties: readonly Region[],
): CommitmentSection | undefined {
  if (!register) return undefined;
  return { register, ...commitmentListingData(register, counties) };
}
