import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { CopyableId } from './copyable-id';

/** A secret the API shows only once (an API key, a signing secret), with a copy button and a warning. */
export function SecretOnceModal({
  title,
  secret,
  description,
  onClose,
}: {
  title: string;
  secret: string | null;
  description?: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        {description ? <Text size="sm">{description}</Text> : null}
        <Alert color="yellow" title="Copy it now">
          This secret will not be shown again. Store it somewhere safe; if it is lost, make a new one.
        </Alert>
        {secret ? <CopyableId value={secret} label="the secret" /> : null}
        <Group justify="flex-end">
          <Button onClick={onClose}>I have copied it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
