/**
 * The request form's plain data: how a requester obtains and receives information (Perki 1/2021)
 * and the largest power of attorney. The register's forms use them without the request model's zod
 * schemas (model.ts and power-of-attorney.ts re-export them).
 */

/** How to obtain the information (Perki 1/2021): see, read, hear, note; or a copy. */
export const OBTAIN_FORMS = ['view', 'copy_softcopy', 'copy_hardcopy'] as const;
/** How to receive it. */
export const DELIVERY_METHODS = ['collect', 'courier', 'post', 'fax', 'email'] as const;
/** The largest power of attorney (a scan or a PDF) a requester may attach: 10 MB. */
export const POWER_OF_ATTORNEY_MAX_BYTES = 10 * 1024 * 1024;
