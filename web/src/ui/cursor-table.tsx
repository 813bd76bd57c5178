import { Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Cursor } from './cursor';

export type Column<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

/** One page of an API list with Previous and Next, its cursor in the URL (see useCursor). */
export function CursorTable<T>({
  caption,
  columns,
  rows,
  hasMore,
  cursor,
  empty,
  rowKey = (row) => (row as { id: string }).id,
}: {
  /** Names the table for assistive technology ("API keys"). */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  hasMore: boolean;
  cursor: Cursor;
  empty: ReactNode;
  /** The row's id, its `id` unless said otherwise: the next page starts after the last row's. */
  rowKey?: (row: T) => string;
}) {
  const last = rows.at(-1);
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header} ta={column.numeric ? 'right' : undefined}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" size="sm" py="md">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {cursor.page > 1 || hasMore ? (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            Page {cursor.page}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={cursor.page === 1} onClick={cursor.previous}>
              Previous page
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!hasMore || !last}
              onClick={() => last && cursor.next(rowKey(last))}
            >
              Next page
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
