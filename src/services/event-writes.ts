import type { Insertable } from 'kysely';
import type { Tx } from '../db/database.js';
import { leadsRepository } from '../db/repositories/leads.js';
import type { LeadEventsTable } from '../db/tables.js';
import { domainEventRow, type NewDomainEvent, recordDomainEventRows } from './domain-events.js';

/**
 * Timeline and domain events made while verdicts are settled, written in two statements when `flush` is
 * called instead of one each. Ids are taken as the events are made, so their order is the order they
 * happened in. Nothing in the transaction reads them before the flush: the caller flushes before anything
 * else may read a lead's timeline.
 */
export class EventWrites {
  #leadEvents: Insertable<LeadEventsTable>[] = [];
  #domainEvents: ReturnType<typeof domainEventRow>[] = [];

  leadEvent(row: Insertable<LeadEventsTable>): void {
    this.#leadEvents.push(row);
  }

  domainEvent(event: NewDomainEvent): void {
    this.#domainEvents.push(domainEventRow(event));
  }

  async flush(tx: Tx): Promise<void> {
    const [leadEvents, domainEvents] = [this.#leadEvents, this.#domainEvents];
    this.#leadEvents = [];
    this.#domainEvents = [];
    await leadsRepository(tx).addEvents(leadEvents);
    await recordDomainEventRows(tx, domainEvents);
  }
}
