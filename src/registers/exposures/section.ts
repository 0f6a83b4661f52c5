import type { Region } from "../../data/regions.ts";
import { exposureListingData } from "./listing.ts";
import type { ExposureListingData } from "./listing.ts";
import type { ExposureRegister } from "./load.ts";

export interface ExposureSection extends ExposureListingData {
  register: ExposureRegister;
}

/**
 * The exposure register with its listing, or undefined on a site that does not run the
 * 环保曝光台 section (then its routes make no pages and nothing links to them).
 */
export function exposureSection(
  register: ExposureRegister | undefined,
  counties: readonly Region[],
): ExposureSection | undefined {
  if (!register) return undefined;
  return { register, ...exposureListingData(register, counties) };
}
