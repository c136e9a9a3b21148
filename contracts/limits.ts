/** Input limits shared by the gateway, the services and the domain. */
export const limits = {
  idPattern: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/,
  title: 200,
  name: 100,
  description: 4000,
  note: 2000,
  section: 200,
  idempotencyKey: 128,
  cooperatingUnits: 20,
} as const;

export const idRule = 'letters, digits and _ . : - only, at most 64 characters';
