/**
 * The three categories of public information (UU 14/2008 Pasal 9, 10 and 11), as plain data: the
 * register and the exports use them without the item model's zod schemas (item-model.ts builds its
 * `Category` schema from this list).
 */
export const CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat'] as const;
