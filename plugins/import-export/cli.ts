// `yunzhou import <file> --tenant <id> --as <mobile> [--report <path>]`: the same import as the HTTP upload,
// run in the foreground as the person with that mobile, with a progress bar on stderr, the summary on
// stdout and the per-row report written beside the file.
import { createReadStream, createWriteStream } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { buildActor, domainError, normalizeMobile, type Actor, type CommandIo, type PluginCommand, type PluginData } from 'yunzhou/plugin';
import type { Progress } from './import-runner.js';
import type { ImportService } from './import-service.js';
import type { Services } from './services.js';

export const IMPORT_USAGE = 'Usage: yunzhou import <file.xlsx|file.csv> --tenant <tenant id> --as <mobile of the person importing> [--report <report.xlsx>]';

/** The actor of a firm's user found by mobile (the CLI acts as a person, with that person's permissions). */
export async function actorByMobile(people: Services['people'], data: PluginData, tenantId: string, mobile: string): Promise<Actor> {
  const m = normalizeMobile(mobile);
  return data.read(async (_knex, tx) => {
    const tenant = /^[0-9a-f-]{36}$/i.test(tenantId) ? await people.getTenant(tx, tenantId) : null;
    if (!tenant) throw domainError('tenant.not_found', 'not_found', `找不到机构 ${tenantId}`, `No firm ${tenantId}`);
    const user = await people.findUserByMobile(tx, tenantId, m);
    if (!user || !user.active) throw domainError('user.not_found', 'not_found', `机构「${tenant.name}」没有手机号为 ${m} 的在职用户`, `${tenant.name} has no active user with mobile ${m}`);
    return buildActor(tenant, user, await people.listRoles(tx, tenantId), await people.listDepartments(tx, tenantId));
  });
}

function bar(p: Progress): string {
  const width = 30;
  const ratio = p.total ? p.processed / p.total : 0;
  const filled = Math.round(ratio * width);
  const n = (x: number): string => x.toLocaleString('en');
  return `导入 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${n(p.processed)}/${n(p.total)} 行  已导入 ${n(p.imported)}  重复 ${n(p.duplicates)}  无效 ${n(p.invalid)}`;
}

/** `yunzhou import`: exit code 0 when the file was imported (even with rejected rows), 1 when the job failed, 2 on bad usage. */
export function importCommand(imports: ImportService, services: Pick<Services, 'people'>, data: PluginData): PluginCommand {
  return {
    name: 'import',
    summary: 'import inquiries from an .xlsx or .csv as the user with that mobile, with a progress bar',
    run: (args, io) => runImport(imports, services.people, data, args, io),
  };
}

async function runImport(imports: ImportService, people: Services['people'], data: PluginData, argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { tenant: { type: 'string' }, as: { type: 'string' }, report: { type: 'string' } } });
  const file = positionals[0];
  if (!file || !values.tenant || !values.as) {
    io.err(IMPORT_USAGE);
    return 2;
  }
  const actor = await actorByMobile(people, data, values.tenant, values.as);
  const started = Date.now();
  const job = await imports.upload(actor, { fileName: basename(file), content: createReadStream(file) });
  await imports.runner.run(job.tenantId, job.id, (p) => { io.progress?.(bar(p)); });
  io.err('');
  const done = await imports.job(actor, job.id);
  const reportPath = resolve(values.report ?? join(dirname(file), `${basename(file, extname(file))}.report.xlsx`));
  const { content } = await imports.report(actor, job.id);
  await pipeline(Readable.from(content), createWriteStream(reportPath));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (done.status === 'succeeded') {
    io.out(`导入完成：共 ${done.total ?? 0} 行，已导入 ${done.imported}，重复 ${done.duplicates}，无效 ${done.invalid}（${secs} 秒）`);
  } else {
    io.out(`导入失败：${done.error?.zh ?? done.status}（已处理 ${done.processed} 行，已导入 ${done.imported}）`);
  }
  io.out(`结果报告：${reportPath}`);
  return done.status === 'succeeded' ? 0 : 1;
}
