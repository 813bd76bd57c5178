import { useCallback, useState } from 'react';
import { ApiError } from '../api';

export type FormErrors = {
  /** The message to show under a field, from the API's `param`. */
  field(name: string): string | undefined;
  /** The message for everything that names no field of the form. */
  general: string | null;
  /** Sorts an error of a submit into a field's message or the general one. */
  set(error: unknown): void;
  clear(): void;
};

/**
 * The API's error names the parameter at fault (`param`: `url`, `event_types[0]`); the form shows the message
 * under that field when it has one, and as a general message otherwise. Validation stays the server's.
 */
export function useFormErrors(fields: readonly string[]): FormErrors {
  const [byField, setByField] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.param) {
        const field = fields.find(
          (name) =>
            error.param === name ||
            error.param?.startsWith(`${name}[`) ||
            error.param?.startsWith(`${name}.`),
        );
        if (field) {
          setByField({ [field]: error.message });
          setGeneral(null);
          return;
        }
      }
      setByField({});
      setGeneral(error instanceof Error ? error.message : String(error));
    },
    [fields],
  );
  const clear = useCallback(() => {
    setByField({});
    setGeneral(null);
  }, []);
  return { field: (name) => byField[name], general, set, clear };
}
