import { Alert } from '@mantine/core';

/** A form's general error: one that names none of its fields. */
export function FormAlert({
  message,
  title = 'Not saved',
}: {
  message: string | null | undefined;
  title?: string;
}) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {message}
    </Alert>
  );
}
