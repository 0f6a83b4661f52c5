import type { Region } from "../../data/regions.ts";
import { hearingListingData } from "./listing.ts";
import type { RegisterListingData } from "../listing.ts";
import type { HearingRegister } from "./load.ts";

export interface HearingSection extends RegisterListingData {
  register: HearingRegister;
}

/**
 * The register with its problem listing, or undefined on a site that does not run 阳光问廉
 * (then its routes make no pages and nothing links to them).
 */
export function hearingSection(
  register: HearingRegister | undefined,
  counties: readonly Region[],
): HearingSection | undefined {
  if (!register) return undefined;
  return { register, ...hearingListingData(register, counties) };
}
