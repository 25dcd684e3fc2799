import test from 'ava';
import { publicOrderStatus } from '../../../core/products/status-view.js';

const STAGE = {
  stageName: '申请批核', progress: 60,
  stages: [{ name: '初次沟通', progress: 20 }, { name: '方案洽谈', progress: 40 }, { name: '申请批核', progress: 60 }, { name: '合同赢单', progress: 80 }, { name: '订单完成', progress: 100 }],
};

test('the customer sees the stage, the stages reached and each application’s status and dates in the firm’s time zone', (t) => {
  const view = publicOrderStatus(STAGE, [{
    productName: '税E贷', institution: '工商银行', status: 'approved',
    createdAt: new Date('2021-10-14T01:00:00Z'), submittedAt: new Date('2021-10-14T17:30:00Z'), decidedAt: new Date('2021-10-15T02:00:00Z'),
    disbursedOn: null, statusChangedAt: new Date('2021-10-15T02:00:00Z'),
  }], 'Asia/Shanghai');
  t.deepEqual(view, {
    stage: '申请批核',
    progress: 60,
    stages: STAGE.stages.map((s) => ({ ...s, reached: s.progress <= 60 })),
    applications: [{ productName: '税E贷', institution: '工商银行', status: 'approved', statusLabel: '已批核', appliedOn: '2021-10-15', decidedOn: '2021-10-15', disbursedOn: null, updatedOn: '2021-10-15' }],
  });
});

test('nothing but stage, progress and application statuses and dates is in the answer (no names, numbers or amounts)', (t) => {
  const view = publicOrderStatus(STAGE, [{
    productName: '快贷', institution: '建设银行', status: 'disbursed', createdAt: new Date(), submittedAt: new Date(), decidedAt: new Date(),
    disbursedOn: '2021-10-20', statusChangedAt: new Date(),
  }], 'Asia/Shanghai');
  t.deepEqual(Object.keys(view).sort(), ['applications', 'progress', 'stage', 'stages']);
  t.deepEqual(Object.keys(view.applications[0] ?? {}).sort(), ['appliedOn', 'decidedOn', 'disbursedOn', 'institution', 'productName', 'status', 'statusLabel', 'updatedOn']);
});
