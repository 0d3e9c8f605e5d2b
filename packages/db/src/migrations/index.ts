import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0100 from './0100_domain.js';
import * as m0101 from './0101_data_version.js';
import * as m0102 from './0102_data_version_shards.js';
import * as m0200 from './0200_accounts.js';
import * as m0300 from './0300_access.js';
import * as m0400 from './0400_constraints.js';
import * as m0500 from './0500_search.js';
import * as m0600 from './0600_target_every.js';

/**
 * Every migration, in order. Static (not read from a directory) so the set is the same in
 * source, in dist and in a bundle. Append new ones as `NNNN_name`; never edit a released one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0100_domain': m0100,
  '0101_data_version': m0101,
  '0102_data_version_shards': m0102,
  '0200_accounts': m0200,
  '0300_access': m0300,
  '0400_constraints': m0400,
  '0500_search': m0500,
  '0600_target_every': m0600,
};

/** Name of the newest migration this build knows. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
