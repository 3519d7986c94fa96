import { z } from 'zod';

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).passthrough();
export const Uuid = z.string().uuid();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The error responses every authenticated route can give. */
export const authErrors = { 401: ErrorBody, 403: ErrorBody } as const;
