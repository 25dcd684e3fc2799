// `yunzhou import <file> --tenant <id> --as <mobile> [--report <path>]`: the same import as the HTTP upload,
// run in the foreground as the person with that mobile, with a progress bar on stderr, the summary on
// stdout and the per-row report written beside the file.
import { createReadStream, createWriteStream } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  OrganisationRepository, UnitOfWork, buildActor, domainError, normalizeMobile,
  type Actor, type Crm,
} from '../../index.js';
import type { Progress } from './import-runner.js';
import type { ImportService } from './import-service.js';
import { ImportExportToken } from './token.js';

export const IMPORT_USAGE = 'Usage: yunzhou import <file.xlsx|file.csv> --tenant <tenant id> --as <mobile of the person importing> [--report <report.xlsx>]';

/** The actor of a firm's user found by mobile (the CLI acts as a person, with that person's permissions). */
export async function actorByMobile(crm: Pick<Crm, 'container'>, tenantId: string, mobile: string): Promise<Actor> {
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  const m = normalizeMobile(mobile);
  return crm.container.get<UnitOfWork>(UnitOfWork).read(async (tx) => {
    const tenant = /^[0-9a-f-]{36}$/i.test(tenantId) ? await org.getTenant(tx, tenantId) : null;
    if (!tenant) throw domainError('tenant.not_found', 'not_found', `找不到机构 ${tenantId}`, `No firm ${tenantId}`);
    const user = await org.findUserByMobile(tx, tenantId, m);
    if (!user || !user.active) throw domainError('user.not_found', 'not_found', `机构「${tenant.name}」没有手机号为 ${m} 的在职用户`, `${tenant.name} has no active user with mobile ${m}`);
    return buildActor(tenant, user, await org.listRoles(tx, tenantId), await org.listDepartments(tx, tenantId));
  });
}

function bar(p: Progress): string {
  const width = 30;
  const ratio = p.total ? p.processed / p.total : 0;
  const filled = Math.round(ratio * width);
  const n = (x: number): string => x.toLocaleString('en');
  return `\r导入 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${n(p.processed)}/${n(p.total)} 行  已导入 ${n(p.imported)}  重复 ${n(p.duplicates)}  无效 ${n(p.invalid)}`;
}

/** Runs the command; returns the exit code (0: the file was imported, even with rejected rows). */
export async function importCommand(
  crm: Pick<Crm, 'container'>,
  argv: readonly string[],
  io: { readonly stdout: NodeJS.WritableStream; readonly stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { tenant: { type: 'string' }, as: { type: 'string' }, report: { type: 'string' } } });
  const file = positionals[0];
  if (!file || !values.tenant || !values.as) {
    io.stderr.write(`${IMPORT_USAGE}\n`);
    return 2;
  }
  const service = crm.container.get<ImportService>(ImportExportToken);
  const actor = await actorByMobile(crm, values.tenant, values.as);
  const started = Date.now();
  const job = await service.upload(actor, { fileName: basename(file), content: createReadStream(file) });
  await service.runner.run(job.tenantId, job.id, (p) => { io.stderr.write(bar(p)); });
  io.stderr.write('\n');
  const done = await service.job(actor, job.id);
  const reportPath = resolve(values.report ?? join(dirname(file), `${basename(file, extname(file))}.report.xlsx`));
  const { content } = await service.report(actor, job.id);
  await pipeline(Readable.from(content), createWriteStream(reportPath));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (done.status === 'succeeded') {
    io.stdout.write(`导入完成：共 ${done.total ?? 0} 行，已导入 ${done.imported}，重复 ${done.duplicates}，无效 ${done.invalid}（${secs} 秒）\n`);
  } else {
    io.stdout.write(`导入失败：${done.error?.zh ?? done.status}（已处理 ${done.processed} 行，已导入 ${done.imported}）\n`);
  }
  io.stdout.write(`结果报告：${reportPath}\n`);
  return done.status === 'succeeded' ? 0 : 1;
}
