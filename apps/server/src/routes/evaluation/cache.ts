import { dataVersion, type Executor } from '@chitieu/db';

/**
 * Computed responses kept while the data they came from is unchanged: each entry remembers the
 * data version it was computed at (read BEFORE the data, so the data is at least that new), and is
 * served only while the database still reports that version. A committed write moves the version on
 * in its own transaction, so no read after it can get a stale answer — in any number of processes.
 * Least recently used entries go first beyond `capacity`.
 *
 * @example
 * const cache = new VersionedCache<Buffer>(500);
 * const body = await cache.get(db, `NQ-XI|2023|vi`, () => evaluateToJson());
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { version: number; value: T }>();

  constructor(readonly capacity: number) {}

  /** `known`: a data version this request already read after it arrived (saves the query). */
  async get(db: Executor, key: string, compute: () => Promise<T>, known?: number | null): Promise<T> {
    const version = known ?? (await dataVersion(db));
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      this.#entries.delete(key); // move to the back: most recently used
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }
}
