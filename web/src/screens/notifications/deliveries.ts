// A delivery (one copy of a notification on one channel) as the log and the failures list show it.
export interface DeliveryItem {
  id: string; channel: 'wecom' | 'dingtalk' | 'sms'; kind: string; recipient: { userId: string; name: string | null };
  state: 'pending' | 'retrying' | 'rate_limited' | 'sent' | 'parked'; attempts: number; title: string; digest: boolean;
  lastAttemptAt: string | null; nextAttemptAt: string | null; vendorCode: string | null; vendorMessage: string | null; sentAt: string | null; createdAt: string;
}
