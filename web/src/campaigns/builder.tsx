import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { ApiError } from '../api';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { FIELDS, TABS, type Tab, tabOf } from './builder-tabs';
import { type Change, changesBetween, stripeFacing, updateBody } from './changes';
import { CodesTab } from './codes-tab';
import { DetailsTab } from './details-tab';
import { type Draft, draftOf, inputOf } from './draft';
import { PersonInvited } from './person-invited';
import { PersonReferring } from './person-referring';
import { type Campaign, useConnectionChoices, useCreateCampaign, useUpdateCampaign } from './queries';
import { RewardsTab } from './rewards-tab';
import { ApplyToEarlier, ChangeSummary } from './save-dialogs';
import type { SectionProps } from './section';

/** The open tab, in the address (`?tab=invited`), so a reload or a shared link opens it again. */
function useTab(): [Tab, (tab: Tab) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab') as Tab | null;
  const tab = wanted && TABS.includes(wanted) ? wanted : 'details';
  const setTab = useCallback(
    (next: Tab) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next === 'details') copy.delete('tab');
          else copy.set('tab', next);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [tab, setTab];
}

/**
 * The campaign builder: every setting of a campaign, grouped as Details, Integration (the person invited, the
 * person referring), Codes and Rewards. A new campaign is created whole; an edit shows what changes first,
 * sends only that, and offers to apply changed Stripe settings to earlier people.
 */
export function Builder({ campaign }: { campaign: Campaign | undefined }) {
  const { can } = useSession();
  const readOnly = !can('editor') || campaign?.status === 'archived';
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign));
  // A saved campaign (or one changed elsewhere and read again) replaces what the form holds.
  const [shown, setShown] = useState(campaign?.updated_at);
  if (campaign?.updated_at !== shown) {
    setShown(campaign?.updated_at);
    setDraft(draftOf(campaign));
  }
  const set: SectionProps['set'] = useCallback(
    (key, value) => setDraft((current) => ({ ...current, [key]: value })),
    [],
  );
  const [tab, setTab] = useTab();
  const errors = useFormErrors(FIELDS);
  const connections = useConnectionChoices();
  const currency = connections.data?.data.find((c) => c.id === draft.connection_id)?.default_currency ?? null;
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const navigate = useNavigate();
  const [summary, setSummary] = useState<Change[] | null>(null);
  const [apply, setApply] = useState<{ leads: boolean; referrers: boolean } | null>(null);

  const before = useMemo(() => (campaign ? inputOf(draftOf(campaign)) : null), [campaign]);
  const after = inputOf(draft);
  const changes = before ? changesBetween(before, after, currency) : [];

  const refused = (error: unknown) => {
    errors.set(error);
    const where = tabOf(error instanceof ApiError ? error.param : undefined);
    if (where) setTab(where);
  };

  const createCampaign = async () => {
    errors.clear();
    try {
      const created = await create.mutateAsync(after);
      notifications.show({ color: 'green', title: 'Campaign created', message: created.name });
      navigate(`/campaigns/${created.id}`, { replace: true });
    } catch (error) {
      refused(error);
    }
  };

  const saveChanges = async () => {
    if (!campaign || !before) return;
    const saving = summary ?? [];
    try {
      const saved = await update.mutateAsync(updateBody(before, after));
      setSummary(null);
      notifications.show({ color: 'green', title: 'Changes saved', message: saved.name });
      const facing = stripeFacing(saving);
      const referrers = facing.referrers && saved.customers.referrers_to_stripe;
      if (saved.connection_id && (facing.leads || referrers)) setApply({ leads: facing.leads, referrers });
    } catch (error) {
      setSummary(null);
      refused(error);
    }
  };

  const props: SectionProps = { draft, set, readOnly, errors, currency, campaign };
  const wrong = (...tabs: Tab[]) => FIELDS.some((f) => tabs.includes(tabOf(f)!) && errors.field(f));
  const label = (text: string, ...tabs: Tab[]) => (
    <Group gap={6} wrap="nowrap" component="span">
      {text}
      {wrong(...tabs) ? (
        <Badge color="red" size="xs" variant="filled">
          error
        </Badge>
      ) : null}
    </Group>
  );
  const outer = tab === 'invited' || tab === 'referring' ? 'integration' : tab;

  return (
    <Stack>
      {readOnly ? (
        <Alert color="gray" title="Read only">
          {campaign?.status === 'archived'
            ? 'This campaign is archived: its settings can no longer change.'
            : 'Changing a campaign needs the editor role; you can read every setting.'}
        </Alert>
      ) : null}
      <Tabs
        value={outer}
        onChange={(value) => value && setTab(value === 'integration' ? 'invited' : (value as Tab))}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="details">{label('Details', 'details')}</Tabs.Tab>
          <Tabs.Tab value="integration">{label('Integration', 'invited', 'referring')}</Tabs.Tab>
          <Tabs.Tab value="codes">{label('Codes', 'codes')}</Tabs.Tab>
          <Tabs.Tab value="rewards">{label('Rewards', 'rewards')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <DetailsTab {...props} />
        </Tabs.Panel>
        <Tabs.Panel value="integration" pt="md">
          <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} variant="pills">
            <Tabs.List>
              <Tabs.Tab value="invited">{label('Person invited', 'invited')}</Tabs.Tab>
              <Tabs.Tab value="referring">{label('Person referring', 'referring')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="invited" pt="md">
              <PersonInvited {...props} />
            </Tabs.Panel>
            <Tabs.Panel value="referring" pt="md">
              <PersonReferring {...props} />
            </Tabs.Panel>
          </Tabs>
        </Tabs.Panel>
        <Tabs.Panel value="codes" pt="md">
          <CodesTab {...props} />
        </Tabs.Panel>
        <Tabs.Panel value="rewards" pt="md">
          <RewardsTab {...props} />
        </Tabs.Panel>
      </Tabs>
      {readOnly ? null : (
        <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
          <Stack gap="xs">
            <FormAlert message={errors.general} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {campaign
                  ? changes.length
                    ? `${changes.length} unsaved change${changes.length === 1 ? '' : 's'}`
                    : 'No unsaved changes'
                  : 'A new campaign'}
              </Text>
              <Group gap="sm">
                {campaign ? (
                  <>
                    <Button
                      variant="default"
                      disabled={!changes.length}
                      onClick={() => {
                        errors.clear();
                        setDraft(draftOf(campaign));
                      }}
                    >
                      Discard changes
                    </Button>
                    <Button
                      disabled={!changes.length}
                      onClick={() => {
                        errors.clear();
                        setSummary(changes);
                      }}
                    >
                      Save changes
                    </Button>
                  </>
                ) : (
                  <Button loading={create.isPending} onClick={createCampaign}>
                    Create campaign
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}
      <ChangeSummary
        changes={summary}
        onClose={() => setSummary(null)}
        onConfirm={saveChanges}
        busy={update.isPending}
      />
      {campaign ? (
        <ApplyToEarlier campaignId={campaign.id} apply={apply} onClose={() => setApply(null)} />
      ) : null}
    </Stack>
  );
}
