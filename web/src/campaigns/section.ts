import type { FormErrors } from '../ui/form-errors';
import type { Draft } from './draft';
import type { Campaign } from './queries';

/** What every part of the builder receives: the values, a way to change one, and the form's errors. */
export type SectionProps = {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  /** Viewers, and anyone on an archived campaign, see the settings without changing them. */
  readOnly: boolean;
  errors: FormErrors;
  /** The connection's default currency: the target spend is in it. Null without a connection. */
  currency: string | null;
  /** The stored campaign; undefined while a new one is being made. */
  campaign: Campaign | undefined;
};
