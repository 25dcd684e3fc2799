// The `yunzhou` command as a user runs it, on an embedded database in a temporary folder.
import test from 'ava';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { DEMO_LOGINS } from '../../adapters/demo/organisation.seed.js';

const run = promisify(execFile);
let tenantId = '';
const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../http/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'yunzhou-cli-'));
const env = { ...process.env, YUNZHOU_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DATABASE_URL: '' };
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

test.serial('--help lists the commands', async (t) => {
  const { stdout } = await run(process.execPath, [cli, '--help'], { env });
  for (const c of ['serve', 'migrate', 'seed --demo', 'tenant create']) t.true(stdout.includes(c), c);
});

test.serial('migrate applies the core migrations once', async (t) => {
  const first = await run(process.execPath, [cli, 'migrate'], { env, timeout: 120_000 });
  t.regex(first.stdout, /Applied:\n\s+core:\d{12}_organisation/);
  const dry = await run(process.execPath, [cli, 'migrate', '--dry-run'], { env, timeout: 120_000 });
  t.is(dry.stdout.trim(), 'Nothing to migrate.');
});

test.serial('tenant create reads the password from the environment, never from argv', async (t) => {
  const ok = await run(process.execPath, [cli, 'tenant', 'create', '--name', '新机构', '--admin-name', '管理员', '--admin-mobile', '13600000000'], {
    env: { ...env, YUNZHOU_ADMIN_PASSWORD: 'cli-pass-2026' }, timeout: 120_000,
  });
  t.regex(ok.stdout, /Created 新机构 \([0-9a-f-]{36}\); administrator 管理员 13600000000/);
  tenantId = /\(([0-9a-f-]{36})\)/.exec(ok.stdout)?.[1] ?? '';
  const bad = await run(process.execPath, [cli, 'tenant', 'create', '--name', 'x', '--admin-name', 'y', '--admin-mobile', '123'], {
    env: { ...env, YUNZHOU_ADMIN_PASSWORD: 'cli-pass-2026' }, timeout: 120_000,
  }).catch((e: { code: number; stderr: string }) => e);
  t.is((bad as { code: number }).code, 1);
  t.regex((bad as { stderr: string }).stderr, /identity\.invalid_mobile/);
});

test.serial('commands contributed by the areas are listed by --help and dispatched; an unknown one exits 2', async (t) => {
  const { stdout: help } = await run(process.execPath, [cli, '--help'], { env });
  t.regex(help, /^ {2}recycle \[--tenant ID\]/m);
  const { stdout } = await run(process.execPath, [cli, 'recycle'], { env, timeout: 120_000 });
  t.regex(stdout, /^Recycled \d+ record\(s\) to the pools and warned owners of \d+, over \d+ firm\(s\)\.$/m);
  const bad = await run(process.execPath, [cli, 'no-such-command'], { env, timeout: 120_000 }).catch((e: { code: number; stderr: string }) => e);
  t.is((bad as { code: number }).code, 2);
  t.regex((bad as { stderr: string }).stderr, /Unknown command: no-such-command/);
});

test.serial('import (the import-export plugin\'s command): a progress line on stderr, the summary and the report path on stdout', async (t) => {
  const file = join(dir, '名单.csv');
  const headers = '企业名称,客户手机号码,客户姓名,客户性别,客户级别,下次跟进时间,客户来源,客户房产,负责人,所属部门,客户备注,企业税号';
  const later = `${new Date().getFullYear() + 4}-12-03 14:30`;
  writeFileSync(file, `${headers}\r\n命令行科技,13612345678,张三,男,A,${later},电销,按揭房,,,需要额度高,\r\n坏号码公司,abc,张三,男,A,${later},电销,按揭房,,,需要额度高,\r\n`);
  const { stdout, stderr } = await run(process.execPath, [cli, 'import', file, '--tenant', tenantId, '--as', '13600000000'], { env, timeout: 120_000 });
  t.regex(stderr, /\r导入 \[#{30}\] 100% {2}2\/2 行 {2}已导入 1 {2}重复 0 {2}无效 1\n$/);
  t.regex(stdout, /^导入完成：共 2 行，已导入 1，重复 0，无效 1（[\d.]+ 秒）\n结果报告：.*名单\.report\.xlsx\n$/);
  t.true(existsSync(join(dir, '名单.report.xlsx')));
  const usage = await run(process.execPath, [cli, 'import', file], { env, timeout: 120_000 }).catch((e: { code: number; stderr: string }) => e);
  t.is((usage as { code: number }).code, 2);
  t.regex((usage as { stderr: string }).stderr, /^Usage: yunzhou import /);
});

test.serial('seed --demo creates both demo firms and prints their logins', async (t) => {
  const { stdout } = await run(process.execPath, [cli, 'seed', '--demo'], { env, timeout: 180_000 });
  t.regex(stdout, /大鑫金服\s+孙露露\S*\s+13800000001\s+sales/);
  t.regex(stdout, /大熹金服\s+\S+\s+13900000000\s+admin/);
  t.regex(stdout, /password: demo123456/);
  t.deepEqual(loginLines(stdout), DEMO_LOGINS.map((l) => `${l.tenant} ${l.name} ${l.mobile} ${l.role}`));
});

/** The demo logins table's rows, spaces normalised. */
function loginLines(out: string): string[] {
  return out.split('\n').filter((l) => /^\s+大[鑫熹]金服/.test(l)).map((l) => l.trim().replace(/[\s\u3000]+/g, ' '));
}

test.serial('serve over an existing demo database prints every demo login again, and logs JSON lines when not on a terminal', async (t) => {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', YUNZHOU_LOG_FORMAT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in time:\n${out}`)), 120_000);
      child.stdout.on('data', () => { if (out.includes('yunzhou is listening')) { clearTimeout(timer); resolve(); } });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${String(code)}:\n${out}`)); });
    });
  } finally {
    child.kill('SIGTERM');
  }
  t.deepEqual(loginLines(out), DEMO_LOGINS.map((l) => `${l.tenant} ${l.name} ${l.mobile} ${l.role}`));
  t.true(loginLines(out).some((l) => l.includes('周销售')));
  const listening = out.split('\n').find((l) => l.includes('yunzhou is listening')) as string;
  t.like(JSON.parse(listening), { msg: 'yunzhou is listening', service: 'yunzhou' });
  // The first command's output names the console's address (the staff console is built by npm test).
  t.regex(JSON.parse(listening).console as string, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('in a checkout, `npx yunzhou` and `npm run yunzhou --` run the command', async (t) => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const npx = await run('npx', ['--no', '--', 'yunzhou', '--help'], { cwd: root, env, timeout: 60_000 });
  t.regex(npx.stdout, /^yunzhou — CRM for loan-brokerage firms/);
  const script = await run('npm', ['run', '--silent', 'yunzhou', '--', '--help'], { cwd: root, env, timeout: 60_000 });
  t.regex(script.stdout, /^yunzhou — CRM for loan-brokerage firms/);
  t.regex(script.stdout, /npx yunzhou <command>/);
});
