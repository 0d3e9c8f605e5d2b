import type { Command } from 'commander';

// Placeholder: replaced by the real command (issue work in progress).
export function registerImport(program: Command): void {
  program.command('import').description('import (not implemented yet)').action(() => {
    process.stderr.write('chitieu import: not implemented yet\n');
    process.exitCode = 1;
  });
}
