import type { Command } from 'commander';

// Placeholder: replaced by the real command (issue work in progress).
export function registerRank(program: Command): void {
  program.command('rank').description('rank (not implemented yet)').action(() => {
    process.stderr.write('chitieu rank: not implemented yet\n');
    process.exitCode = 1;
  });
}
