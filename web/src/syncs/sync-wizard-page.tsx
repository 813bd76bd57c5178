import { Alert, Anchor, Button, Card, Group, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../account/session';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { PageHeader } from '../ui/page-header';
import { ConfirmStep } from './confirm-step';
import { MapFieldsStep, MapReturnFieldsStep } from './field-steps';
import { NameVersionStep } from './name-version-step';
import { initialDraft, missingInbound, missingReturn, type WizardDraft } from './wizard-draft';

/** The Stripe card of the first step: connected (with the account), or "Not connected yet" and where to fix it. */
export function StripeCard({ campaign }: { campaign: Campaign }) {
  if (!campaign.connection_id)
    return (
      <Card withBorder padding="md" role="group" aria-label="Stripe">
        <Text fw={600}>Stripe</Text>
        <Text size="sm" c="red" mb="xs">
          Not connected yet
        </Text>
        <Text size="sm">
          This campaign has no Stripe account.{' '}
          <Anchor component={Link} to="/settings/stripe">
            Connect a Stripe account
          </Anchor>
          , then choose it in the{' '}
          <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
            campaign's details
          </Anchor>
          .
        </Text>
      </Card>
    );
  return (
    <Card withBorder padding="md" role="group" aria-label="Stripe">
      <Text fw={600}>Stripe</Text>
      <Text size="sm" c="green">
        Connected
      </Text>
      <Text size="sm" mt="xs">
        Object type: <strong>Customers</strong>. Each Stripe customer becomes a referrer of "{campaign.name}",
        and their referral link is written back to them.
      </Text>
    </Card>
  );
}

function Wizard({ campaign }: { campaign: Campaign }) {
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<WizardDraft>(initialDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const connected = Boolean(campaign.connection_id);
  const checks: Array<() => string | null> = [
    () => (connected ? null : 'Connect Stripe to this campaign first.'),
    () => missingInbound(draft),
    () => missingReturn(draft),
    () => null,
  ];
  const next = () => {
    const found = checks[step]?.() ?? null;
    setProblem(found);
    if (!found) setStep((s) => s + 1);
  };
  return (
    <Stack>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
        <Stepper.Step label="Select Object Type">
          <StripeCard campaign={campaign} />
        </Stepper.Step>
        <Stepper.Step label="Map Fields">
          <MapFieldsStep
            draft={draft}
            setInbound={(field, choice) =>
              setDraft((d) => ({ ...d, inbound: { ...d.inbound, [field]: choice } }))
            }
          />
        </Stepper.Step>
        <Stepper.Step label="Map Return Fields">
          <MapReturnFieldsStep
            draft={draft}
            setReturn={(field, choice) =>
              setDraft((d) => ({ ...d, return: { ...d.return, [field]: choice } }))
            }
          />
        </Stepper.Step>
        <Stepper.Step label="Name Version">
          <NameVersionStep
            campaignId={campaign.id}
            value={draft.name_version}
            onChange={(name_version) => setDraft((d) => ({ ...d, name_version }))}
          />
        </Stepper.Step>
        <Stepper.Step label="Confirm">
          <ConfirmStep
            campaignId={campaign.id}
            draft={draft}
            setKind={(kind) => setDraft((d) => ({ ...d, kind }))}
            onStarted={(id) => navigate(`/syncs/${id}`)}
          />
        </Stepper.Step>
      </Stepper>
      {problem ? (
        <Alert color="red" role="alert" title="Not yet">
          {problem}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
          Back
        </Button>
        {step < 4 ? (
          <Button onClick={next} disabled={step === 0 && !connected}>
            Next
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** The sync wizard: Stripe customers into the campaign as referrers, their links written back. */
export function SyncWizardPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Sync Stripe customers"
        description="Bring the Stripe account's customers into a campaign as referrers, and write each one's referral link back to them."
      />
      {can('editor') ? (
        <CampaignPicker>{(campaign) => <Wizard key={campaign.id} campaign={campaign} />}</CampaignPicker>
      ) : (
        <Text c="dimmed">Starting a sync needs the editor role or above.</Text>
      )}
    </>
  );
}
