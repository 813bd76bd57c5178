import type { z } from 'zod';
import type { CampaignChanges, CampaignInput } from './campaign.js';
import {
  brandingSchema,
  type CampaignSettings,
  codeRulesSchema,
  customerRulesSchema,
  DEFAULT_CODE_SETTINGS,
  qualificationSchema,
  rewardRulesSchema,
} from './campaign-settings.js';
import { applyMergePatch, type PatchProblem, patchProblem } from './merge-patch.js';

type SettingsField =
  | 'qualification'
  | 'customers'
  | 'code_rules'
  | 'auto_promotion_codes'
  | 'rewards'
  | 'branding';

/** The settings as a campaign is created with them: whole objects, defaults filled in. */
export type SettingsInput = Pick<CampaignInput, SettingsField>;

/** The settings as an update sends them: each object a merge patch; null clears qualification or rewards. */
export type SettingsPatch = Pick<CampaignChanges, SettingsField>;

export const SETTINGS_FIELDS = [
  'qualification',
  'customers',
  'code_rules',
  'auto_promotion_codes',
  'rewards',
  'branding',
] as const satisfies ReadonlyArray<keyof SettingsPatch>;

/** The stored settings of a new campaign. */
export function settingsFromInput(input: SettingsInput): CampaignSettings {
  return {
    ...(input.qualification ? { qualification: input.qualification } : {}),
    ...(input.customers ? { customers: input.customers } : {}),
    codes: {
      rules: input.code_rules ?? DEFAULT_CODE_SETTINGS.rules,
      auto_promotion_codes: input.auto_promotion_codes ?? DEFAULT_CODE_SETTINGS.auto_promotion_codes,
    },
    ...(input.rewards ? { rewards: input.rewards } : {}),
    ...(input.branding ? { branding: input.branding } : {}),
  };
}

type Patched<T> = { value: T } | { problem: PatchProblem };

/** One settings object with a patch applied, validated whole; a problem names what was sent. */
function patchOne<S extends z.ZodType>(
  field: string,
  schema: S,
  stored: unknown,
  patch: unknown,
): Patched<z.output<S>> {
  const merged = applyMergePatch(schema, stored, patch);
  const parsed = schema.safeParse(merged);
  if (parsed.success) return { value: parsed.data };
  return { problem: patchProblem(field, parsed.error, patch, merged) };
}

/**
 * Stored settings changed by an update: each settings object sent is merged into the stored one as a JSON
 * Merge Patch (RFC 7396; a member set to null is removed, so an optional one returns to its default) and
 * the result is validated with the full schema. `qualification: null` and `rewards: null` clear them.
 */
export function patchSettings(
  stored: CampaignSettings,
  patch: SettingsPatch,
): { settings: CampaignSettings } | { problem: PatchProblem } {
  const next: CampaignSettings = { ...stored };
  if (patch.qualification === null) delete next.qualification;
  else if (patch.qualification !== undefined) {
    const result = patchOne('qualification', qualificationSchema, stored.qualification, patch.qualification);
    if ('problem' in result) return result;
    next.qualification = result.value;
  }
  if (patch.customers !== undefined) {
    const result = patchOne('customers', customerRulesSchema, stored.customers, patch.customers);
    if ('problem' in result) return result;
    next.customers = result.value;
  }
  if (patch.rewards === null) delete next.rewards;
  else if (patch.rewards !== undefined) {
    const result = patchOne('rewards', rewardRulesSchema, stored.rewards, patch.rewards);
    if ('problem' in result) return result;
    next.rewards = result.value;
  }
  if (patch.branding !== undefined) {
    const result = patchOne('branding', brandingSchema, stored.branding, patch.branding);
    if ('problem' in result) return result;
    next.branding = result.value;
  }
  if (patch.code_rules !== undefined || patch.auto_promotion_codes !== undefined) {
    const codes = stored.codes ?? DEFAULT_CODE_SETTINGS;
    let rules = codes.rules;
    if (patch.code_rules !== undefined) {
      const result = patchOne('code_rules', codeRulesSchema, codes.rules, patch.code_rules);
      if ('problem' in result) return result;
      rules = result.value;
    }
    next.codes = {
      rules,
      auto_promotion_codes: patch.auto_promotion_codes ?? codes.auto_promotion_codes,
    };
  }
  return { settings: next };
}
