import type { Command } from 'commander';

// Placeholder: replaced by the real command (issue work in progress).
export function registerMigrate(program: Command): void {
  program.command('migrate').description('migrate (not implemented yet)').action(() => {
    process.stderr.write('chitieu migrate: not implemented yet\n');
    process.exitCode = 1;
  });
}
