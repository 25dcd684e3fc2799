// core/security: masking of sensitive fields (mobile numbers, ID numbers, bank cards), the sealed values'
// cipher, and revealing one field in clear with a sensitive-read record.
export * from './masking.js';
export * from './ports.js';
export * from './reveal.js';
