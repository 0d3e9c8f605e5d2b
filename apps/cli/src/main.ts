import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerEvaluate } from './commands/evaluate.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRank } from './commands/rank.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { localizeCommander, versionDescription } from './i18n/commander.js';
import { cliLang } from './i18n/lang.js';
import { EXIT_BAD_INPUT } from './output/io.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
const lang = cliLang(process.argv, process.env);

const program = localizeCommander(new Command('chitieu'), lang)
  .description('chitieu — theo dõi thực hiện chỉ tiêu kế hoạch / track how a plan’s targets are met')
  .version(version, '-V, --version', versionDescription(lang))
  .showHelpAfterError()
  // A usage error (missing option, unknown command) is bad input: exit code 2, as for a bad file.
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  });

registerServe(program);
registerMigrate(program);
registerImport(program);
registerEvaluate(program);
registerRank(program);
registerReport(program);
registerUser(program);
registerToken(program);

await program.parseAsync(process.argv);
