import type { Command } from 'commander';

// Placeholder: replaced by the real command (issue work in progress).
export function registerEvaluate(program: Command): void {
  program.command('evaluate').description('evaluate (not implemented yet)').action(() => {
    process.stderr.write('chitieu evaluate: not implemented yet\n');
    process.exitCode = 1;
  });
}
