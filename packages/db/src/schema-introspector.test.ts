import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { LATEST_MIGRATION } from './migrations/index.js';
import { createTestDatabase, newTestSchemaUrl, PG_TEST_URL, testDialects } from './testing/databases.js';

const dialects = await testDialects();

// Other tenants (and other test files) create and drop schemas while chitieu migrates its own.
// Kysely's stock introspector read every schema and failed with "relation … does not exist".
describe.skipIf(!dialects.includes('postgres'))(
  'migrations while other schemas come and go (postgres)',
  () => {
    const admin = new pg.Client({ connectionString: PG_TEST_URL });
    afterAll(() => admin.end());

    it('migrates every time, whatever is dropped meanwhile', async () => {
      await admin.connect();
      let churning = true;
      const churn = (async () => {
        while (churning) {
          const { schema } = newTestSchemaUrl();
          await admin.query(`create schema ${schema}`);
          for (let i = 0; i < 20; i++) {
            await admin.query(`create table ${schema}.t${i} (id serial primary key, v text)`);
          }
          await admin.query(`drop schema ${schema} cascade`);
        }
      })();
      try {
        for (let round = 0; round < 6; round++) {
          const t = await createTestDatabase('postgres');
          try {
            const outcome = await migrateToLatest(t.handle);
            expect(outcome.latest).toBe(LATEST_MIGRATION);
          } finally {
            await t.cleanup();
          }
        }
      } finally {
        churning = false;
        await churn;
      }
    });
  },
);
