import { Button, Group, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSession } from '../account/session';
import { CampaignPicker } from '../ui/campaign-picker';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { MailFrame } from './mail-frame';
import { type Template, type TemplateKind, usePreview, useSaveTemplate, useTemplates } from './queries';

const KIND_LABELS: Record<TemplateKind, string> = {
  sign_in: 'Sign-in link',
  welcome: 'Welcome with the referral link',
  friend_qualified: 'A friend qualified',
  reward_issued: 'Reward issued',
  reward_reversed: 'Reward reversed',
};

function Editor({ campaignId, template }: { campaignId: string; template: Template }) {
  const { can } = useSession();
  const [words, setWords] = useState({ subject: template.subject, html: template.html, text: template.text });
  const [enabled, setEnabled] = useState(template.enabled);
  useEffect(() => {
    setWords({ subject: template.subject, html: template.html, text: template.text });
    setEnabled(template.enabled);
  }, [template]);
  const save = useSaveTemplate(campaignId, template.kind);
  const preview = usePreview(campaignId, template.kind);
  const editable = can('editor');
  const errors = useFormErrors(['subject', 'html', 'text']);
  const run = (action: () => Promise<unknown>) => {
    errors.clear();
    action().catch((e: unknown) => errors.set(e));
  };
  return (
    <Stack>
      <Switch
        label="Send this mail"
        checked={enabled}
        disabled={!editable}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
      />
      <TextInput
        label="Subject"
        value={words.subject}
        readOnly={!editable}
        error={errors.field('subject')}
        onChange={(e) => setWords({ ...words, subject: e.currentTarget.value })}
      />
      <Textarea
        label="HTML"
        autosize
        minRows={4}
        value={words.html}
        readOnly={!editable}
        error={errors.field('html')}
        onChange={(e) => setWords({ ...words, html: e.currentTarget.value })}
      />
      <Textarea
        label="Plain text"
        autosize
        minRows={4}
        value={words.text}
        readOnly={!editable}
        error={errors.field('text')}
        onChange={(e) => setWords({ ...words, text: e.currentTarget.value })}
      />
      <FormAlert message={errors.general} />
      {editable ? (
        <Group>
          <Button
            variant="default"
            onClick={() => run(() => preview.mutateAsync(words))}
            loading={preview.isPending}
          >
            Preview
          </Button>
          <Button onClick={() => run(() => save.mutateAsync({ ...words, enabled }))} loading={save.isPending}>
            Save template
          </Button>
          {save.isSuccess ? <Text size="sm">Saved.</Text> : null}
        </Group>
      ) : null}
      {preview.data ? (
        <Stack gap="xs">
          <Text fw={600}>Preview subject: {preview.data.subject}</Text>
          <MailFrame html={preview.data.html} title="Preview of the mail" />
        </Stack>
      ) : null}
    </Stack>
  );
}

function Templates({ campaignId }: { campaignId: string }) {
  const templates = useTemplates(campaignId);
  const [kind, setKind] = useState<TemplateKind>('welcome');
  return (
    <QueryState query={templates} label="Loading the templates">
      {(list) => {
        const template = list.data.find((t) => t.kind === kind)!;
        return (
          <Stack>
            <Select
              label="Template"
              data={list.data.map((t) => ({
                value: t.kind,
                label: `${KIND_LABELS[t.kind]}${t.enabled ? ' (on)' : ' (off)'}`,
              }))}
              value={kind}
              onChange={(v) => v && setKind(v as TemplateKind)}
              allowDeselect={false}
              w={360}
            />
            <Editor key={`${campaignId}:${kind}`} campaignId={campaignId} template={template} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** Settings › Email templates: a campaign's mails to referrers, each with a preview. */
export function EmailTemplatesPage() {
  return (
    <>
      <PageHeader
        title="Email templates"
        description="What each mail to referrers says. Variables such as {{referrer.first_name}} and {{referral_link}} are filled in when the mail is sent; in the HTML they are escaped."
      />
      <CampaignPicker>{(campaign) => <Templates campaignId={campaign.id} />}</CampaignPicker>
    </>
  );
}
