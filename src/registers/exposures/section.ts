import type { Dataset } from "../../data/dataset.ts";
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
export function exposureSection(dataset: Dataset): ExposureSection | undefined {
  const register = dataset.exposures;
  if (!register) return undefined;
  return { register, ...exposureListingData(register, dataset.counties) };
}
