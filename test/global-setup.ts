/**
 * Runs once before all test files: says in one line when the PostgreSQL suite will not run on this
 * machine (under CI=true `testDialects()` fails instead), and when LibreOffice is missing for the
 * document-rendering suite.
 */
import { execFileSync } from 'node:child_process';
import { PG_TEST_URL, testDialects } from '@chitieu/db';

export default async function setup(): Promise<void> {
  if (process.env.CI === 'true') return;
  const dialects = await testDialects();
  if (!dialects.includes('postgres')) {
    const host = new URL(PG_TEST_URL).host;
    process.stdout.write(
      `PostgreSQL suite skipped: nothing answers at ${host} (set TEST_DATABASE_URL to run it).\n`,
    );
  }
  const has = (tool: string, arg: string) => {
    try {
      execFileSync(tool, [arg], { stdio: 'ignore', timeout: 20_000 });
      return true;
    } catch {
      return false;
    }
  };
  if (!has('soffice', '--version') || !has('pdftoppm', '-v')) {
    process.stdout.write(
      'DOCX → PDF → PNG suite skipped: soffice or pdftoppm missing (apt-get install libreoffice-writer-nogui poppler-utils).\n',
    );
  }
}
