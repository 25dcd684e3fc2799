// The webhooks plugin's and the outbox's answers as the console reads them (plugins/webhooks/index.ts
// presentDelivery, webhooks.ts presentEndpoint; http/routes/workcenter.routes.ts presentParked;
// plugins/import-export presentJob). The console never imports plugins/, so they are written out here.
export interface Endpoint {
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly events: string[];
  readonly active: boolean;
  readonly secretHint: string;
  readonly version: number;
  readonly createdAt: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
export interface Delivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

export interface Attempt {
  readonly attempt: number;
  readonly at: string;
  readonly statusCode: number | null;
  readonly responseExcerpt: string;
  readonly durationMs: number;
  readonly error: string | null;
}

export interface ParkedEvent {
  readonly id: number;
  readonly type: string;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
}

export interface ImportJob {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed';
  readonly fileName: string;
  readonly total: number | null;
  readonly processed: number;
  readonly percentage: number;
  readonly counts: { readonly imported: number; readonly duplicates: number; readonly invalid: number };
  readonly ignoredColumns: string[];
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly reportUrl: string;
  readonly createdAt: string;
}
