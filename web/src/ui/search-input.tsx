import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** A search box that sends what is typed once typing pauses; the value itself lives in the address. */
export function SearchInput({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  value: string | undefined;
  onSearch: (value: string) => void;
}) {
  const [text, setText] = useState(value ?? '');
  // Back and forward change the address: show what it says.
  useEffect(() => setText(value ?? ''), [value]);
  // Sent as typed (the server trims it), so a space typed between words stays in the box.
  const send = useDebouncedCallback((next: string) => onSearch(next.trim() ? next : ''), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      w={280}
    />
  );
}
