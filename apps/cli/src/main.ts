import { Command } from 'commander';
import { registerEvaluate } from './commands/evaluate.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRank } from './commands/rank.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';

const program = new Command('chitieu')
  .description('chitieu — theo dõi thực hiện chỉ tiêu kế hoạch / track how a plan’s targets are met')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerImport(program);
registerEvaluate(program);
registerRank(program);
registerReport(program);
registerUser(program);
registerToken(program);

await program.parseAsync(process.argv);
