// `yunzhou citus-plan`: the SQL that distributes the database by firm on Citus (docs/scale.md), read from the
// catalog; it prints and changes nothing.
import { citusPlan } from '../../knex/citus-plan.js';
import type { Database } from '../../knex/database.js';
import type { CommandContribution } from '../area.js';

export function citusPlanCommand(database: () => Database): CommandContribution {
  return {
    name: 'citus-plan',
    summary: '       print the SQL that distributes the database by firm on Citus (docs/scale.md); reads the\n'
      + '      catalog of DATABASE_URL, changes nothing',
    async run(_args, io) {
      for (const line of (await citusPlan(database().knex)).replace(/\n$/, '').split('\n')) io.out(line);
      return 0;
    },
  };
}
