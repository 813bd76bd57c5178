import { Alert, Button, Checkbox, Code, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { type ImportReport, useImportReferrers } from './queries';

/** The rows the report lists at most; the counts above it cover them all. */
const SHOWN = 200;
const count = new Intl.NumberFormat();

/** What an import did: how many rows were added, and each row that was not, with its line and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="sm" role="region" aria-label="Import report">
      <Alert color={report.rejected ? 'yellow' : 'green'} title="Import finished">
        {count.format(report.rows)} rows read: {count.format(report.accepted)} added,{' '}
        {count.format(report.rejected)} not added.
      </Alert>
      {report.errors.length ? (
        <Table.ScrollContainer minWidth={500} mah={320}>
          <Table striped aria-label="Rows not added">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.slice(0, SHOWN).map((e) => (
                <Table.Tr key={e.row}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.email ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.message}</Text>
                    <Code>{e.reason}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {report.errors.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          And {count.format(report.errors.length - SHOWN)} more rows not added.
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * A CSV file of referrers (columns email and first_name, and optionally last_name, referral_code,
 * metadata.<key>) sent to the import endpoint as it is; the server checks every row and reports.
 */
export function ImportReferrers({
  campaignId,
  generateByDefault,
  onClose,
}: {
  campaignId: string;
  generateByDefault: boolean;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [generate, setGenerate] = useState(generateByDefault);
  const importing = useImportReferrers(campaignId);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setError('Choose a CSV file first.');
      return;
    }
    try {
      setReport(await importing.mutateAsync({ csv: await file.text(), generateCodes: generate }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (report) {
    return (
      <Stack>
        <ImportReportView report={report} />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          One referrer a row. Columns: <Code>email</Code> and <Code>first_name</Code>, and optionally{' '}
          <Code>last_name</Code>, <Code>referral_code</Code> and <Code>metadata.&lt;key&gt;</Code>. Up to
          10,000 rows and 5 MB; rows that cannot be added are listed with their reason, the others are added.
        </Text>
        <FileInput
          label="CSV file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          placeholder="Choose a file"
          clearable
          required
        />
        <Checkbox
          label="Generate a referral code for rows without one"
          checked={generate}
          onChange={(e) => setGenerate(e.currentTarget.checked)}
        />
        <FormAlert message={error} title="Not imported" />
        <Group justify="flex-end">
          <Button type="submit" loading={importing.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
