// npm `datapackage` (the Frictionless reference library for JavaScript) ships no types:
// the part the tests use, from its README (https://github.com/frictionlessdata/datapackage-js).
declare module "datapackage" {
  export interface ReadOptions {
    /** Rows as objects keyed by field name instead of arrays. */
    keyed?: boolean;
    /** Resolve and check the schema's foreign keys against the referenced resources. */
    relations?: boolean;
    cast?: boolean;
    limit?: number;
  }

  export class Resource {
    readonly name: string;
    readonly descriptor: Record<string, unknown>;
    read(options?: ReadOptions): Promise<unknown[]>;
  }

  export class Package {
    static load(
      descriptor: string | object,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
