import test from 'ava';
import { CachedInquirySettingsRepository } from '../../../adapters/knex/repositories/cached-inquiry-settings.repository.js';
import type { InquirySettingsRepository } from '../../../core/inquiries/ports.js';
import { DEFAULT_INQUIRY_SETTINGS } from '../../../core/inquiries/settings.js';
import type { Tx } from '../../../core/shared/ports.js';

function counting(): InquirySettingsRepository & { loads: number } {
  let version = 0;
  return {
    loads: 0,
    async load() {
      this.loads++;
      return { settings: { ...DEFAULT_INQUIRY_SETTINGS, version }, timeZone: 'Asia/Shanghai' };
    },
    async save(_tx, _t, s) {
      version = s.version;
      return true;
    },
    async tenantIds() {
      return ['t'];
    },
  };
}
const tx = {} as Tx;

test('settings are read once per firm within the TTL, and afresh when asked', async (t) => {
  const inner = counting();
  const repo = new CachedInquirySettingsRepository(inner, 60_000);
  await repo.load(tx, 't');
  await repo.load(tx, 't');
  t.is(inner.loads, 1);
  await repo.load(tx, 'other');
  t.is(inner.loads, 2);
  t.is((await repo.load(tx, 't', { fresh: true }))?.settings.version, 0);
  t.is(inner.loads, 3);
});

test('after a save the firm’s settings are read through, so the new version is seen at once', async (t) => {
  const inner = counting();
  const repo = new CachedInquirySettingsRepository(inner, 60_000);
  await repo.load(tx, 't');
  await repo.save(tx, 't', { ...DEFAULT_INQUIRY_SETTINGS, version: 1 }, 'u');
  t.is((await repo.load(tx, 't'))?.settings.version, 1);
  t.is((await repo.load(tx, 't'))?.settings.version, 1);
  t.is(inner.loads, 3);
});

test('an expired entry is read again', async (t) => {
  const inner = counting();
  const repo = new CachedInquirySettingsRepository(inner, 0);
  await repo.load(tx, 't');
  await repo.load(tx, 't');
  t.is(inner.loads, 2);
});
