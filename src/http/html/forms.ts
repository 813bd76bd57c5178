import { z } from 'zod';
import { escapeHtml } from './layout.js';

/** What a person types into a hosted form; kept as typed so a form with errors shows it again. */
export type PersonValues = { email: string; first_name: string; last_name: string };
export type PersonField = keyof PersonValues;
export type FieldErrors = Partial<Record<PersonField, string>>;

export type PersonForm =
  | { ok: true; values: PersonValues; person: { email: string; first_name: string; last_name?: string } }
  | { ok: false; values: PersonValues; errors: FieldErrors };

const FIELDS: PersonField[] = ['email', 'first_name', 'last_name'];
const LABELS: Record<PersonField, string> = {
  email: 'Email address',
  first_name: 'First name',
  last_name: 'Last name (optional)',
};
/** Longer input is cut before it is shown again; the limits below refuse it anyway. */
const ECHO_LIMIT = 300;

const personSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address.')
    .max(254, 'Email address must be 254 characters or fewer.')
    .pipe(z.email('Enter an email address in the correct format, like jane@example.com.')),
  first_name: z
    .string()
    .trim()
    .min(1, 'Enter your first name.')
    .max(100, 'First name must be 100 characters or fewer.'),
  last_name: z.string().trim().max(100, 'Last name must be 100 characters or fewer.'),
});

/** One form value as a string: a missing field is empty, a repeated one counts once, anything else is ignored. */
export function formValue(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = (body as Record<string, unknown>)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** True when the hidden field people never see was filled in, which only bots do. */
export const honeypotFilled = (body: unknown) => formValue(body, 'website').trim() !== '';

/** Reads and checks the person fields of a posted form; other fields are ignored. */
export function readPersonForm(body: unknown): PersonForm {
  const values: PersonValues = {
    email: formValue(body, 'email').slice(0, ECHO_LIMIT),
    first_name: formValue(body, 'first_name').slice(0, ECHO_LIMIT),
    last_name: formValue(body, 'last_name').slice(0, ECHO_LIMIT),
  };
  const parsed = personSchema.safeParse(values);
  if (parsed.success) {
    const { email, first_name, last_name } = parsed.data;
    return { ok: true, values, person: { email, first_name, ...(last_name ? { last_name } : {}) } };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as PersonField;
    errors[field] ??= issue.message;
  }
  return { ok: false, values, errors };
}

/** The list of problems at the top of a form, each linking to its field; announced as soon as it appears. */
export function errorSummary(errors: FieldErrors): string {
  const items = FIELDS.filter((f) => errors[f]).map(
    (f) => `<li><a href="#${f}">${escapeHtml(LABELS[f])}: ${escapeHtml(errors[f]!)}</a></li>`,
  );
  if (items.length === 0) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${items.join('')}</ul>
</div>`;
}

const INPUTS: Record<PersonField, string> = {
  email: 'type="email" autocomplete="email" maxlength="254" spellcheck="false" required',
  first_name: 'type="text" autocomplete="given-name" maxlength="100" required',
  last_name: 'type="text" autocomplete="family-name" maxlength="100"',
};

function field(name: PersonField, values: PersonValues, errors: FieldErrors): string {
  const error = errors[name];
  const described = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
  return `<label for="${name}">${escapeHtml(LABELS[name])}</label>
${error ? `<p class="error" id="${name}-error"><span class="visually-hidden">Error: </span>${escapeHtml(error)}</p>` : ''}
<input id="${name}" name="${name}" ${INPUTS[name]} value="${escapeHtml(values[name])}"${described}>`;
}

/** A field bots fill in and people never see: hidden off-screen, skipped by Tab, not auto-filled. */
const HONEYPOT = `<div class="hp" aria-hidden="true">
<label for="website">Leave this empty</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
</div>`;

/** The sign-up form shared by the join and invite pages; it posts back to the page's own URL. */
export function personForm(submitLabel: string, values: PersonValues, errors: FieldErrors = {}): string {
  return `<form method="post">
${FIELDS.map((name) => field(name, values, errors)).join('\n')}
${HONEYPOT}
<button type="submit">${escapeHtml(submitLabel)}</button>
</form>`;
}

export const EMPTY_PERSON: PersonValues = { email: '', first_name: '', last_name: '' };

export type EmailForm = { ok: true; email: string } | { ok: false; value: string; errors: FieldErrors };

/** Reads and checks the one field of an email-only form (the portal's sign-in). */
export function readEmailForm(body: unknown): EmailForm {
  const value = formValue(body, 'email').slice(0, ECHO_LIMIT);
  const parsed = personSchema.shape.email.safeParse(value);
  if (parsed.success) return { ok: true, email: parsed.data };
  return { ok: false, value, errors: { email: parsed.error.issues[0]?.message ?? 'Enter your email.' } };
}

/** A form asking only for an email address; it posts back to the page's own URL. */
export function emailForm(submitLabel: string, value: string, errors: FieldErrors = {}): string {
  return `<form method="post">
${field('email', { ...EMPTY_PERSON, email: value }, errors)}
${HONEYPOT}
<button type="submit">${escapeHtml(submitLabel)}</button>
</form>`;
}
