// The tenant's invoice settings: rates are settings (not constants in the rules), the seller is checked.
import test from 'ava';
import { applySettingsChange, DEFAULT_INVOICE_SETTINGS, defaultRate } from '../../../core/invoices/invoice-settings.js';
import { buildBlueLines } from '../../../core/invoices/invoice-lines.js';
import { DEFAULT_TAX_RATES } from '../../../core/money/tax.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { makeUscc } from '../../../core/identity/index.js';

const seller = { name: '大鑫金服', taxId: makeUscc('91320594MA20ABCD1'), address: '苏州工业园区', phone: '0512-62880000', bank: '招商银行', account: '5129 0567 8910 888' };

test('a new tenant is a general taxpayer at the money module\'s default rates, capped by received money', (t) => {
  t.is(DEFAULT_INVOICE_SETTINGS.generalRate, DEFAULT_TAX_RATES.generalTaxpayerService);
  t.is(DEFAULT_INVOICE_SETTINGS.smallScaleRate, DEFAULT_TAX_RATES.smallScale);
  t.is(defaultRate(DEFAULT_INVOICE_SETTINGS), '6');
  t.is(DEFAULT_INVOICE_SETTINGS.capBasis, 'received');
  t.is(DEFAULT_INVOICE_SETTINGS.seller, null);
});

test('a small-scale taxpayer with a reduced rate invoices at that rate', (t) => {
  const s = applySettingsChange(DEFAULT_INVOICE_SETTINGS, { version: 0, taxpayerKind: 'small_scale', smallScaleRate: '1' });
  t.is(defaultRate(s), '1');
  const { lines } = buildBlueLines([{ totalFen: 101_00 }], { rate: defaultRate(s), serviceName: s.defaultServiceName });
  t.deepEqual(lines.map((l) => [l.taxRate, l.amountFen, l.taxFen]), [['1', 100_00, 1_00]]);
  t.is(s.version, 1);
});

test('the seller is stored trimmed with its account digits; every problem is listed', (t) => {
  const s = applySettingsChange(DEFAULT_INVOICE_SETTINGS, { version: 0, seller, drawer: '  张犇 ', payee: '' });
  t.deepEqual(s.seller, { ...seller, account: '512905678910888' });
  t.deepEqual([s.drawer, s.payee], ['张犇', null]);
  const e = t.throws(() => applySettingsChange(DEFAULT_INVOICE_SETTINGS, {
    version: 0, seller: { ...seller, taxId: '123456789987654321', address: ' ', account: '12ab' }, generalRate: '6%', defaultServiceName: ' ',
  }), { instanceOf: DomainError });
  t.deepEqual(e?.fieldErrors.map((f) => f.path), ['/seller/address', '/seller/taxId', '/seller/account', '/generalRate', '/defaultServiceName']);
});
