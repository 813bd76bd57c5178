import type { Tx } from '../../db/database.js';
import type { ConnectionRow } from '../../db/tables.js';

/** What a handler gets: the event as Stripe sent it, its connection, and the transaction to write in. */
export type HandlerInput = {
  tx: Tx;
  connection: ConnectionRow;
  event: {
    id: string;
    type: string;
    created: number;
    data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  };
  now: Date;
};

export type EventHandler = (input: HandlerInput) => Promise<void>;

/**
 * One handler per Stripe event type (stripe/handlers/<event-type>.ts). A subscribed type without a handler
 * is recorded and marked processed; it changes nothing.
 */
export const handlers: Partial<Record<string, EventHandler>> = {};
