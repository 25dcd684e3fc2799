// `yunzhou recycle [--tenant ID]`: one pass of the pool recycler now (the server also runs it on a schedule).
import { parseArgs } from 'node:util';
import type { PoolRecycler } from '../../../core/inquiries/pool-recycler.js';
import type { CommandContribution } from '../area.js';

export function recycleCommand(recycler: () => PoolRecycler): CommandContribution {
  return {
    name: 'recycle',
    summary: '[--tenant ID]      one pass of the pool recycler now: neglected and overdue records go back to 咨询公海 /\n'
      + '      客户公海, owners are warned beforehand (the server also runs it every YUNZHOU_RECYCLE_EVERY_SECONDS,\n'
      + '      default 300; safe with several processes)',
    async run(args, io) {
      const { values } = parseArgs({ args: [...args], options: { tenant: { type: 'string' } } });
      const r = await recycler().run({ tenantId: values.tenant });
      io.out(`Recycled ${r.recycled} record(s) to the pools and warned owners of ${r.reminded}, over ${r.tenants} firm(s).`);
      return 0;
    },
  };
}
