// A person's channels and times: the defaults a firm's people start with, and a change refused as a whole
// with every field's problem when any part is wrong.
import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { NOTIFICATION_KINDS, defaultPreferences, updatePreferences } from '../../../core/notifications/index.js';

test('defaults: what waits on a person goes to the firm\'s chat app, news stays in the 消息 list, no SMS, quiet 22:00–08:00', (t) => {
  const p = defaultPreferences('wecom');
  t.deepEqual(NOTIFICATION_KINDS.filter((k) => p.channels[k].length > 0), ['follow_up_due', 'approval_waiting', 'receipt_to_confirm', 'instalment_due', 'instalment_overdue', 'task_assigned']);
  t.deepEqual(p.channels.approval_waiting, ['wecom']);
  t.deepEqual(p.channels.finance, []);
  t.deepEqual(p.quietHours, { start: '22:00', end: '08:00' });
  t.deepEqual([p.urgentKinds, p.digest], [[], null]);
  t.deepEqual(defaultPreferences('dingtalk').channels.follow_up_due, ['dingtalk']);
  t.true(NOTIFICATION_KINDS.every((k) => defaultPreferences(null).channels[k].length === 0));
});

test('a change keeps what it leaves out and replaces what it names', (t) => {
  const p = updatePreferences(defaultPreferences('wecom'), {
    channels: { approval_waiting: ['wecom', 'sms'], follow_up_due: ['none'] },
    urgentKinds: ['approval_waiting', 'approval_waiting'],
    digest: { at: '18:00', kinds: ['finance', 'application'] },
  });
  t.deepEqual(p.channels.approval_waiting, ['wecom', 'sms']);
  t.deepEqual(p.channels.follow_up_due, []);
  t.deepEqual(p.channels.task_assigned, ['wecom']);
  t.deepEqual(p.urgentKinds, ['approval_waiting']);
  t.deepEqual(p.digest, { at: '18:00', kinds: ['finance', 'application'] });
  t.deepEqual(p.quietHours, { start: '22:00', end: '08:00' });
  const off = updatePreferences(p, { quietHours: null, digest: null });
  t.deepEqual([off.quietHours, off.digest], [null, null]);
});

const bad: { input: unknown; errors: [string, string][] }[] = [
  { input: 'x', errors: [['', 'notification.object_expected']] },
  { input: { channels: { approval_waiting: ['fax'] } }, errors: [['/channels/approval_waiting/0', 'notification.channel_unknown']] },
  { input: { channels: { approval_waiting: ['sms', 'sms'] } }, errors: [['/channels/approval_waiting/1', 'notification.channel_duplicate']] },
  { input: { channels: { approval_waiting: ['none', 'sms'] } }, errors: [['/channels/approval_waiting', 'notification.none_with_others']] },
  { input: { channels: { lunch: ['sms'] } }, errors: [['/channels/lunch', 'notification.kind_unknown']] },
  { input: { channels: { pool: 'sms' } }, errors: [['/channels/pool', 'notification.list_expected']] },
  { input: { channels: [] }, errors: [['/channels', 'notification.object_expected']] },
  { input: { quietHours: { start: '24:00', end: '8:00' } }, errors: [['/quietHours/start', 'notification.time_invalid'], ['/quietHours/end', 'notification.time_invalid']] },
  { input: { quietHours: { start: '22:00', end: '22:00' } }, errors: [['/quietHours/end', 'notification.quiet_hours_empty']] },
  { input: { quietHours: 'night' }, errors: [['/quietHours', 'notification.object_expected']] },
  { input: { urgentKinds: ['approval_waiting', 'x'] }, errors: [['/urgentKinds/1', 'notification.kind_unknown']] },
  { input: { digest: { at: '18:00', kinds: [] } }, errors: [['/digest/kinds', 'notification.digest_kinds_empty']] },
  { input: { digest: { at: '23:30', kinds: ['finance'] } }, errors: [['/digest/at', 'notification.digest_in_quiet_hours']] },
  { input: { digest: { at: '07:59', kinds: ['finance'] } }, errors: [['/digest/at', 'notification.digest_in_quiet_hours']] },
  { input: { digest: { at: '18:00', kinds: ['finance'] }, quietHours: { start: '12:00', end: '19:00' } }, errors: [['/digest/at', 'notification.digest_in_quiet_hours']] },
];

for (const [i, c] of bad.entries()) {
  test(`refused with field errors (${i}): ${JSON.stringify(c.input)}`, (t) => {
    const before = defaultPreferences('wecom');
    const copy = JSON.parse(JSON.stringify(before));
    const e = t.throws(() => updatePreferences(before, c.input), { instanceOf: DomainError });
    t.is(e?.code, 'validation.failed');
    t.deepEqual(e?.fieldErrors.map((f) => [f.path, f.code]), c.errors);
    for (const f of e?.fieldErrors ?? []) t.true(f.zh !== '' && f.en !== '');
    t.deepEqual(before, copy);
  });
}

test('a digest at the very end of quiet hours is outside them (quiet hours are [start, end))', (t) => {
  t.is(updatePreferences(defaultPreferences('wecom'), { digest: { at: '08:00', kinds: ['finance'] } }).digest?.at, '08:00');
});
