import { Alert } from '@mantine/core';

/** A form's general error: one that names none of its fields. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}
