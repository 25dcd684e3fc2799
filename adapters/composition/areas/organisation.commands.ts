// `yunzhou tenant create`: a firm and its administrator, the password from YUNZHOU_ADMIN_PASSWORD or typed at
// the prompt (never from the command line, where other users of the machine could read it).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import type { OrganisationService } from '../../../core/organisation/organisation.service.js';
import type { CommandContribution } from '../area.js';

const USAGE = 'Usage: yunzhou tenant create --name NAME --admin-name NAME --admin-mobile MOBILE [--time-zone Asia/Shanghai]';

async function askPassword(): Promise<string> {
  if (process.env.YUNZHOU_ADMIN_PASSWORD) return process.env.YUNZHOU_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set YUNZHOU_ADMIN_PASSWORD or run in a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
  out._writeToOutput = (s: string) => { if (s.includes('管理员密码')) out.output.write(s); };
  const pw = await rl.question('管理员密码 Administrator password: ');
  rl.close();
  process.stdout.write('\n');
  return pw;
}

export function tenantCommand(organisation: () => OrganisationService): CommandContribution {
  return {
    name: 'tenant',
    summary: 'create --name NAME --admin-name NAME --admin-mobile MOBILE [--time-zone Asia/Shanghai]\n'
      + '      create a firm and its administrator; the password is read from env YUNZHOU_ADMIN_PASSWORD or asked for\n'
      + '      at the prompt (never from the command line)',
    async run([sub, ...rest], io) {
      if (sub !== 'create') {
        io.err(USAGE);
        return 2;
      }
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-mobile': { type: 'string' }, 'time-zone': { type: 'string' } },
      });
      if (!values.name || !values['admin-name'] || !values['admin-mobile']) {
        io.err('--name, --admin-name and --admin-mobile are required');
        return 2;
      }
      const password = await askPassword();
      const r = await organisation().createTenant({
        name: values.name, timeZone: values['time-zone'], admin: { name: values['admin-name'], mobile: values['admin-mobile'], password },
      });
      io.out(`Created ${r.tenant.name} (${r.tenant.id}); administrator ${r.admin.name} ${r.admin.mobile}`);
      return 0;
    },
  };
}
