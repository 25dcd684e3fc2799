import test from 'ava';
import { revealSensitive, type SensitiveField } from '../../../core/security/reveal.js';
import type { Cipher, SensitiveRead, SensitiveReadLog } from '../../../core/security/ports.js';
import type { Actor } from '../../../core/organisation/actor.js';
import type { Tx } from '../../../core/shared/ports.js';

// A transparent cipher: enough to test who sees what, not the cryptography (adapters test that).
const cipher: Cipher = { encrypt: (p) => `sealed(${p})`, decrypt: (s) => s.slice(7, -1), blindIndex: (k, v) => `${k}:${v}` };

function memoryLog(): SensitiveReadLog & { reads: SensitiveRead[] } {
  const reads: SensitiveRead[] = [];
  return { reads, record: async (_tx, r) => { reads.push(...r); }, list: async () => [] };
}

function anActor(permissions: string[]): Actor {
  return {
    tenantId: 't1', userId: 'u1', name: '孙露露', departmentId: null, roles: [], permissions: new Set(permissions),
    dataScope: 'self', visibleDepartmentIds: [], timeZone: 'Asia/Shanghai',
  };
}

const maskId = (v: string): string => `${v.slice(0, 4)}**********${v.slice(-4)}`;
const maskCard = (v: string): string => `****${v.slice(-4)}`;
const fields: SensitiveField[] = [
  { field: 'idNumber', sealed: cipher.encrypt('320583199001014885'), mask: maskId },
  { field: 'bankCard', sealed: cipher.encrypt('6222020200112236487'), mask: maskCard },
  { field: 'taxPassword', sealed: null, mask: () => '******' },
];
const subject = { type: 'order', id: 'o1' };
const tx = {} as Tx;

test('with the permission and asked for, values come out in clear and each shown field is logged', async (t) => {
  const log = memoryLog();
  const out = await revealSensitive(tx, { cipher, log }, anActor(['order.view_sensitive']), subject, fields, { permission: 'order.view_sensitive', unmasked: true });
  t.deepEqual(out, { idNumber: '320583199001014885', bankCard: '6222020200112236487', taxPassword: null });
  t.deepEqual(log.reads, [
    { tenantId: 't1', actorId: 'u1', subjectType: 'order', subjectId: 'o1', field: 'idNumber' },
    { tenantId: 't1', actorId: 'u1', subjectType: 'order', subjectId: 'o1', field: 'bankCard' },
  ]);
});

test('without the permission the values are masked and nothing is logged, even when asked for clear text', async (t) => {
  const log = memoryLog();
  const out = await revealSensitive(tx, { cipher, log }, anActor(['order.read']), subject, fields, { permission: 'order.view_sensitive', unmasked: true });
  t.deepEqual(out, { idNumber: '3205**********4885', bankCard: '****6487', taxPassword: null });
  t.deepEqual(log.reads, []);
});

test('with the permission but not asking, values stay masked and nothing is logged', async (t) => {
  const log = memoryLog();
  const out = await revealSensitive(tx, { cipher, log }, anActor(['*']), subject, fields, { permission: 'order.view_sensitive', unmasked: false });
  t.is(out.idNumber, '3205**********4885');
  t.deepEqual(log.reads, []);
});
