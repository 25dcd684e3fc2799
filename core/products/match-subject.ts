// What is known about an order's company and customer when products are matched. Every fact is optional:
// a missing fact makes a requirement "unknown", never "met" and never "unmet".
import type { TaxCreditRating } from './requirement.js';

export interface MatchSubject {
  /** Months since the company was registered (成立时间). */
  readonly companyAgeMonths?: number | null;
  readonly taxCreditRating?: TaxCreditRating | null;
  /** Tax paid over the last twelve months. */
  readonly annualTaxPaidFen?: number | null;
  /** Invoices issued over the last twelve months. */
  readonly annualInvoicingFen?: number | null;
  /** The legal representative's age in years (derived from the ID number). */
  readonly legalRepAge?: number | null;
  /** Where the company operates: a division code ('320506') and/or a name from the province down. */
  readonly region?: { readonly code?: string | null; readonly name?: string | null } | null;
  /** Whether the customer owns a home; see `propertyOwnership`. */
  readonly hasProperty?: boolean | null;
  readonly hasVehicle?: boolean | null;
  readonly existingDebtFen?: number | null;
  /** The loan amount the customer asks for. */
  readonly requestedAmountFen?: number | null;
}

const OWNS_PROPERTY: ReadonlyMap<string, boolean> = new Map([['按揭房', true], ['全款房', true], ['无房', false]]);

/** The inquiry's property type (客户房产) tells whether the customer owns a home: 按揭房/全款房 yes, 无房 no, else unknown. */
export function propertyOwnership(propertyType: string | null | undefined): boolean | undefined {
  if (propertyType === null || propertyType === undefined) return undefined;
  return OWNS_PROPERTY.get(propertyType.trim());
}
