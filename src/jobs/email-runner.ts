import { type EmailSender, type EmailSenderDeps, emailSender } from '../services/email-sender.js';
import { DrainingWorker } from './draining-worker.js';

export type EmailRunnerOptions = EmailSenderDeps & {
  /** How often an idle runner looks for mails due (default 1 s). */
  pollMs?: number | undefined;
};

const BATCH = 20;

/**
 * Sends the email outbox, in every worker process: each round takes the mails due (held, so processes
 * split them) and sends them one at a time. Work found: it looks again at once; none: it waits `pollMs`.
 */
export class EmailRunner extends DrainingWorker {
  readonly #sender: EmailSender;
  readonly #options: EmailRunnerOptions;

  constructor(options: EmailRunnerOptions) {
    super({ pollMs: options.pollMs ?? 1000, logger: options.logger, what: 'email' });
    this.#options = options;
    this.#sender = emailSender(options);
  }

  drain(): Promise<number> {
    return this.#sender.sendDue(BATCH);
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#options.transport.close();
  }
}
