import type { z } from 'zod';
import {
  type CampaignSettings,
  type CodeRules,
  type CustomerRules,
  codeRulesSchema,
  customerRulesSchema,
  DEFAULT_CODE_SETTINGS,
  type QualificationRules,
  qualificationSchema,
  type RewardRules,
  rewardRulesSchema,
} from './campaign-settings.js';
import { applyMergePatch, type MergePatch, type PatchProblem, patchProblem } from './merge-patch.js';

/** The settings as a campaign is created with them: whole objects, defaults filled in. */
export type SettingsInput = {
  qualification?: QualificationRules | null | undefined;
  customers?: CustomerRules | undefined;
  code_rules?: CodeRules | undefined;
  auto_promotion_codes?: boolean | undefined;
  rewards?: RewardRules | null | undefined;
};

/** The settings as an update sends them: each object a merge patch; null clears qualification or rewards. */
export type SettingsPatch = {
  qualification?: MergePatch<z.input<typeof qualificationSchema>> | null | undefined;
  customers?: MergePatch<z.input<typeof customerRulesSchema>> | undefined;
  code_rules?: MergePatch<z.input<typeof codeRulesSchema>> | undefined;
  auto_promotion_codes?: boolean | undefined;
  rewards?: MergePatch<z.input<typeof rewardRulesSchema>> | null | undefined;
};

export const SETTINGS_FIELDS = [
  'qualification',
  'customers',
  'code_rules',
  'auto_promotion_codes',
  'rewards',
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
