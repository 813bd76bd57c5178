import { z } from 'zod';
import { isoTime } from './api-shapes.js';

/** A sign-in link to a referrer's portal, as the API returns it (the only time its URL is shown). */
export const portalSessionSchema = z.object({
  id: z.string(),
  object: z.literal('portal_session'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  url: z
    .string()
    .describe(
      'Opens the portal once, before expires_at: show it in the widget iframe or send it to the referrer',
    ),
  expires_at: isoTime,
  created_at: isoTime,
});

export type PortalSession = z.infer<typeof portalSessionSchema>;
