import type { Command } from 'commander';

// Placeholder: replaced by the real command (issue work in progress).
export function registerServe(program: Command): void {
  program.command('serve').description('serve (not implemented yet)').action(() => {
    process.stderr.write('chitieu serve: not implemented yet\n');
    process.exitCode = 1;
  });
}
