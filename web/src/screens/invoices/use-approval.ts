// The approval of an invoice (开票审批, or 红冲审批 for a red-letter one): the newest instance, and whether the
// person viewing holds one of its open tasks (then the screen links to the approval's decision screen).
import { ref } from 'vue';
import { api, ok } from '../../api/client.js';
import type { ApprovalSummary, ApprovalView, InvoiceDetail } from './types.js';

export function useInvoiceApproval() {
  const approval = ref<ApprovalSummary | null>(null);
  const mine = ref(false);
  async function load(invoice: InvoiceDetail): Promise<void> {
    const businessType = invoice.direction === 'red' ? 'red_invoice' : 'invoice';
    const list = await ok<{ items: ApprovalSummary[] }>(api.GET('/api/v1/approvals', { params: { query: { businessType, businessId: invoice.id } } }));
    approval.value = list.items[0] ?? null;
    mine.value = false;
    if (approval.value?.status === 'pending') {
      const view = await ok<ApprovalView>(api.GET('/api/v1/approvals/{id}', { params: { path: { id: approval.value.id } } }));
      mine.value = view.myOpenTaskIds.length > 0;
    }
  }
  return { approval, mine, load };
}
