import type { SecretBox } from '../crypto/secret-box.js';
import type { Database, Executor } from '../db/database.js';
import {
  DEFAULT_TEMPLATES,
  describeReward,
  renderTemplate,
  SAMPLE_VALUES,
  TEMPLATE_KINDS,
  type Template,
  type TemplateContent,
  type TemplateKind,
  type TemplateValues,
  unknownVariables,
} from '../domain/email-templates.js';
import { referralLink } from '../domain/referral-link.js';
import { invalidParameter, notFound } from '../errors.js';
import { unsubscribeLink, unsubscribeToken } from './unsubscribe-tokens.js';

export type EmailTemplateView = Template & {
  object: 'email_template';
  campaign_id: string;
  kind: TemplateKind;
  /** False while the campaign uses the shipped default. */
  customized: boolean;
  updated_at: string | null;
};

/** A campaign's template of a kind: its own, or the shipped default. */
export async function templateFor(
  db: Executor,
  campaignId: string | null,
  kind: TemplateKind,
): Promise<Template> {
  const own = campaignId
    ? await db
        .selectFrom('email_templates')
        .select(['enabled', 'subject', 'html', 'text'])
        .where('campaign_id', '=', campaignId)
        .where('kind', '=', kind)
        .executeTakeFirst()
    : undefined;
  return own ?? DEFAULT_TEMPLATES[kind];
}

/** Refuses content naming a variable that does not exist, naming the field. */
export function checkVariables(content: Partial<TemplateContent>): void {
  for (const field of ['subject', 'html', 'text'] as const) {
    const value = content[field];
    if (value === undefined) continue;
    const unknown = unknownVariables(value);
    if (unknown.length > 0)
      throw invalidParameter(
        field,
        `Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}: see the variables in docs/email.md.`,
      );
  }
}

/** The values a template is filled with. */
export function mailValues(input: {
  publicUrl: string;
  campaignName: string | undefined;
  referrer:
    | {
        first_name: string;
        last_name: string | null;
        email: string;
        slug: string;
        referral_code: string | null;
      }
    | undefined;
  variables: Record<string, unknown>;
  unsubscribeUrl: string;
}): TemplateValues {
  const { referrer, variables } = input;
  const reward = (variables.reward ?? null) as Record<string, unknown> | null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    'referrer.first_name': referrer?.first_name ?? '',
    'referrer.last_name': referrer?.last_name ?? '',
    'referrer.email': referrer?.email ?? '',
    referral_link: referrer ? referralLink(input.publicUrl, referrer.slug) : '',
    referral_code: referrer?.referral_code ?? '',
    'campaign.name': input.campaignName ?? '',
    'friend.first_name': text(variables.friend_first_name) || 'A friend',
    'reward.description': reward ? describeReward(reward) : '',
    'reward.promotion_code': reward ? text(reward.promotion_code) : '',
    sign_in_link: text(variables.sign_in_link),
    unsubscribe_link: input.unsubscribeUrl,
  };
}

export function emailTemplatesService(deps: {
  database: Database;
  box: SecretBox;
  publicUrl: string;
  now: () => Date;
}) {
  const { database } = deps;

  async function campaignName(campaignId: string): Promise<string> {
    const campaign = await database.db
      .selectFrom('campaigns')
      .select('name')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) throw notFound('campaign', campaignId);
    return campaign.name;
  }

  async function view(campaignId: string, kind: TemplateKind): Promise<EmailTemplateView> {
    const own = await database.db
      .selectFrom('email_templates')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const template = own ?? DEFAULT_TEMPLATES[kind];
    return {
      object: 'email_template',
      campaign_id: campaignId,
      kind,
      enabled: template.enabled,
      subject: template.subject,
      html: template.html,
      text: template.text,
      customized: own !== undefined,
      updated_at: own?.updated_at.toISOString() ?? null,
    };
  }

  /** The values a preview fills in: a referrer's own, or the samples. */
  async function previewValues(campaignId: string, name: string, referrerId: string | undefined) {
    if (!referrerId) return { ...SAMPLE_VALUES, 'campaign.name': name };
    const referrer = await database.db
      .selectFrom('referrers')
      .select(['first_name', 'last_name', 'email', 'slug', 'referral_code'])
      .where('id', '=', referrerId)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    if (!referrer) throw notFound('referrer', referrerId);
    const own = mailValues({
      publicUrl: deps.publicUrl,
      campaignName: name,
      referrer,
      variables: {},
      unsubscribeUrl: unsubscribeLink(
        deps.publicUrl,
        unsubscribeToken(deps.box, { email: referrer.email, campaignId }),
      ),
    });
    // What the referrer's own data cannot say (a reward, a sign-in link) comes from the samples.
    return {
      ...SAMPLE_VALUES,
      ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== '')),
    };
  }

  return {
    async list(campaignId: string): Promise<EmailTemplateView[]> {
      await campaignName(campaignId);
      return Promise.all(TEMPLATE_KINDS.map((kind) => view(campaignId, kind)));
    },

    async get(campaignId: string, kind: TemplateKind): Promise<EmailTemplateView> {
      await campaignName(campaignId);
      return view(campaignId, kind);
    },

    /** Changes a template; what is not given stays as it is (the default's, at first). */
    async update(
      campaignId: string,
      kind: TemplateKind,
      changes: Partial<Template>,
    ): Promise<EmailTemplateView> {
      await campaignName(campaignId);
      checkVariables(changes);
      const current = await view(campaignId, kind);
      const next = {
        campaign_id: campaignId,
        kind,
        enabled: changes.enabled ?? current.enabled,
        subject: changes.subject ?? current.subject,
        html: changes.html ?? current.html,
        text: changes.text ?? current.text,
        updated_at: deps.now(),
      };
      await database.db
        .insertInto('email_templates')
        .values(next)
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'kind']).doUpdateSet({
            enabled: next.enabled,
            subject: next.subject,
            html: next.html,
            text: next.text,
            updated_at: next.updated_at,
          }),
        )
        .execute();
      return view(campaignId, kind);
    },

    /** Back to the shipped default. */
    async reset(campaignId: string, kind: TemplateKind): Promise<EmailTemplateView> {
      await campaignName(campaignId);
      await database.db
        .deleteFrom('email_templates')
        .where('campaign_id', '=', campaignId)
        .where('kind', '=', kind)
        .execute();
      return view(campaignId, kind);
    },

    /**
     * The mail as it would be sent: the template given (or the stored one), filled with a referrer's data or
     * the samples. Nothing is stored or sent.
     */
    async preview(
      campaignId: string,
      content: TemplateContent,
      referrerId: string | undefined,
    ): Promise<TemplateContent & { object: 'email_preview' }> {
      const name = await campaignName(campaignId);
      checkVariables(content);
      return {
        object: 'email_preview',
        ...renderTemplate(content, await previewValues(campaignId, name, referrerId)),
      };
    },
  };
}

export type EmailTemplatesService = ReturnType<typeof emailTemplatesService>;
