import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboundMappingSchema, readSyncConfig } from '../src/domain/sync-config.js';
import {
  type CustomerFields,
  checkInboundMapping,
  checkReturnMapping,
  customerUpdate,
  formatName,
  type InboundMapping,
  mapCustomer,
  NAME_VERSIONS,
  type NameVersion,
  type ReturnMapping,
  type ReturnValues,
  readStripeField,
} from '../src/domain/sync-mapping.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const segments = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
const words = (text: string) => (text === '' ? [] : text.split(' '));

const customer = (fields: Partial<CustomerFields> = {}): CustomerFields => ({
  id: 'cus_1',
  name: 'Jane Doe',
  email: 'jane@example.com',
  description: null,
  phone: null,
  metadata: {},
  ...fields,
});

describe('formatName', () => {
  const table: [string, Record<NameVersion, string>][] = [
    [
      'Jane Doe',
      { original: 'Jane Doe', v1: 'Jane', v2: 'Jane Doe', v3: 'Jane Doe', v4: 'Jane D', v5: 'Jane Do' },
    ],
    [
      '  Jane\u00a0 Doe\u2003Smith\tJr\n',
      {
        original: 'Jane Doe Smith Jr',
        v1: 'Jane',
        v2: 'Jane Doe',
        v3: 'Jane Doe Smith',
        v4: 'Jane D',
        v5: 'Jane Do',
      },
    ],
    ['Cher', { original: 'Cher', v1: 'Cher', v2: 'Cher', v3: 'Cher', v4: 'Cher', v5: 'Cher' }],
    [
      'Zoë Ærøskøbing',
      {
        original: 'Zoë Ærøskøbing',
        v1: 'Zoë',
        v2: 'Zoë Ærøskøbing',
        v3: 'Zoë Ærøskøbing',
        v4: 'Zoë Æ',
        v5: 'Zoë Ær',
      },
    ],
    // Decomposed: "e" and a combining acute accent are one letter (and come back composed, NFC).
    [
      'Ana e\u0301lise',
      { original: 'Ana élise', v1: 'Ana', v2: 'Ana élise', v3: 'Ana élise', v4: 'Ana é', v5: 'Ana él' },
    ],
    [
      'Bob 👨‍👩‍👧👍🏽x',
      {
        original: 'Bob 👨‍👩‍👧👍🏽x',
        v1: 'Bob',
        v2: 'Bob 👨‍👩‍👧👍🏽x',
        v3: 'Bob 👨‍👩‍👧👍🏽x',
        v4: 'Bob 👨‍👩‍👧',
        v5: 'Bob 👨‍👩‍👧👍🏽',
      },
    ],
    [
      'Li 🇫🇷🇩🇪🇯🇵',
      { original: 'Li 🇫🇷🇩🇪🇯🇵', v1: 'Li', v2: 'Li 🇫🇷🇩🇪🇯🇵', v3: 'Li 🇫🇷🇩🇪🇯🇵', v4: 'Li 🇫🇷', v5: 'Li 🇫🇷🇩🇪' },
    ],
    [
      'Mary Ann Van Der Berg',
      {
        original: 'Mary Ann Van Der Berg',
        v1: 'Mary',
        v2: 'Mary Ann',
        v3: 'Mary Ann Van',
        v4: 'Mary A',
        v5: 'Mary An',
      },
    ],
    ['Jo X', { original: 'Jo X', v1: 'Jo', v2: 'Jo X', v3: 'Jo X', v4: 'Jo X', v5: 'Jo X' }],
    ['김 민준', { original: '김 민준', v1: '김', v2: '김 민준', v3: '김 민준', v4: '김 민', v5: '김 민준' }],
    ['', { original: '', v1: '', v2: '', v3: '', v4: '', v5: '' }],
    [' \u00a0\t\n\u2003 ', { original: '', v1: '', v2: '', v3: '', v4: '', v5: '' }],
  ];

  for (const [name, expected] of table) {
    it(`formats ${JSON.stringify(name)} in every version`, () => {
      const actual = Object.fromEntries(NAME_VERSIONS.map((v) => [v, formatName(name, v)]));
      expect(actual).toEqual(expected);
    });
  }

  it('lists every version', () => {
    expect(NAME_VERSIONS).toEqual(['original', 'v1', 'v2', 'v3', 'v4', 'v5']);
  });

  // Names built from awkward pieces: accents (composed and combining), emoji with modifiers and joiners,
  // flags, Hangul, and every kind of white space, plus arbitrary graphemes and code points.
  const piece = fc.oneof(
    fc.constantFrom(
      'a',
      'Z',
      'ë',
      'e\u0301',
      'o\u0308\u0323',
      'Æ',
      'ø',
      '👍🏽',
      '👨‍👩‍👧',
      '🇫🇷',
      '🇩🇪',
      '김',
      '\u1100\u1161',
      '-',
      "'",
    ),
    fc.constantFrom(' ', '  ', '\u00a0', '\u2003', '\t', '\n', '\r\n', '\u3000', '\u2028'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const names = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
  const versions = fc.constantFrom(...NAME_VERSIONS);

  it('is idempotent and gives single-spaced, trimmed names (property)', () => {
    fc.assert(
      fc.property(names, versions, (name, version) => {
        const once = formatName(name, version);
        expect(formatName(once, version)).toBe(once);
        expect(once).toMatch(/^(?:\S+(?: \S+)*)?$/u);
      }),
    );
  });

  it('original is idempotent (property)', () => {
    fc.assert(
      fc.property(names, (name) => {
        const original = formatName(name, 'original');
        expect(formatName(original, 'original')).toBe(original);
      }),
    );
  });

  it('v1..v3 are the first words of original (property)', () => {
    fc.assert(
      fc.property(
        names,
        fc.constantFrom(['v1', 1] as const, ['v2', 2] as const, ['v3', 3] as const),
        (name, [v, n]) => {
          expect(words(formatName(name, v))).toEqual(words(formatName(name, 'original')).slice(0, n));
        },
      ),
    );
  });

  it('v4 and v5 never split a grapheme and take one or two of them (property)', () => {
    fc.assert(
      fc.property(names, fc.constantFrom(['v4', 1] as const, ['v5', 2] as const), (name, [v, n]) => {
        const original = formatName(name, 'original');
        const result = formatName(name, v);
        const [first = '', next, ...rest] = words(result);
        expect(rest).toEqual([]);
        expect(first).toBe(words(original)[0] ?? '');
        const ofNext = segments(words(original)[1] ?? '');
        if (next === undefined) expect(ofNext).toEqual([]);
        else expect(segments(next)).toEqual(ofNext.slice(0, n));
        // Words are cut at their own grapheme boundaries. (Not always the whole name's: a "prepend" mark such
        // as U+0600 before a space makes one grapheme across the space, and words are split at spaces first.)
        expect(original.startsWith(result)).toBe(true);
        // v4 starts v5, which starts v2.
        expect(formatName(name, 'v5').startsWith(formatName(name, 'v4'))).toBe(true);
        expect(formatName(name, 'v2').startsWith(formatName(name, 'v5'))).toBe(true);
      }),
    );
  });
});

describe('inbound mapping', () => {
  const basic: InboundMapping = { first_name: 'name', email: 'email' };

  it('reads trimmed fields, blank or missing ones as null', () => {
    const c = customer({
      name: '  Jane  ',
      description: ' \t ',
      phone: null,
      metadata: { plan: ' gold ', empty: '  ', 'a.b': 'dotted' },
    });
    expect(readStripeField(c, 'name')).toBe('Jane');
    expect(readStripeField(c, 'email')).toBe('jane@example.com');
    expect(readStripeField(c, 'description')).toBeNull();
    expect(readStripeField(c, 'phone')).toBeNull();
    expect(readStripeField(c, 'metadata.plan')).toBe('gold');
    expect(readStripeField(c, 'metadata.empty')).toBeNull();
    expect(readStripeField(c, 'metadata.absent')).toBeNull();
    expect(readStripeField(c, 'metadata.a.b')).toBe('dotted');
    // Not the metadata object's own keys: nothing inherited leaks through.
    expect(readStripeField(c, 'metadata.constructor')).toBeNull();
    expect(readStripeField(c, 'metadata.__proto__')).toBeNull();
  });

  it('maps the name in the chosen version into first_name', () => {
    const c = customer({ name: ' Jane   Doe ' });
    expect(mapCustomer(c, basic, 'original')).toEqual({
      referrer: { first_name: 'Jane Doe', last_name: null, email: 'jane@example.com', metadata: {} },
    });
    expect(mapCustomer(c, basic, 'v1')).toMatchObject({ referrer: { first_name: 'Jane' } });
    expect(mapCustomer(c, basic, 'v4')).toMatchObject({ referrer: { first_name: 'Jane D' } });
    expect(mapCustomer(c, basic, 'v5')).toMatchObject({ referrer: { first_name: 'Jane Do' } });
  });

  it('maps every kind of Stripe field, including metadata, into every kind of referrer field', () => {
    const c = customer({
      name: 'Jane Doe',
      email: 'billing@example.com',
      description: 'VIP customer',
      phone: '+1 555 0100',
      metadata: { first: ' Janie ', last: 'Doe-Smith', contact: 'jane@example.com', plan: 'gold' },
    });
    const mapping: InboundMapping = {
      first_name: 'metadata.first',
      last_name: 'metadata.last',
      email: 'metadata.contact',
      'metadata.full_name': 'name',
      'metadata.billing_email': 'email',
      'metadata.note': 'description',
      'metadata.phone': 'phone',
      'metadata.plan': 'metadata.plan',
    };
    expect(mapCustomer(c, mapping, 'v2')).toEqual({
      referrer: {
        first_name: 'Janie',
        last_name: 'Doe-Smith',
        email: 'jane@example.com',
        metadata: {
          full_name: 'Jane Doe',
          billing_email: 'billing@example.com',
          note: 'VIP customer',
          phone: '+1 555 0100',
          plan: 'gold',
        },
      },
    });
  });

  it('skips a customer whose first name field is blank, naming the field', () => {
    for (const name of [null, '', '  \u00a0 ']) {
      expect(mapCustomer(customer({ name }), basic, 'v4')).toEqual({ skip: 'missing_field', field: 'name' });
    }
    const fromMetadata: InboundMapping = { first_name: 'metadata.first', email: 'email' };
    expect(mapCustomer(customer({ metadata: { first: ' ' } }), fromMetadata, 'original')).toEqual({
      skip: 'missing_field',
      field: 'metadata.first',
    });
  });

  it('skips a customer whose email field is blank, naming the field', () => {
    expect(mapCustomer(customer({ email: null }), basic, 'original')).toEqual({
      skip: 'missing_field',
      field: 'email',
    });
    const fromDescription: InboundMapping = { first_name: 'name', email: 'description' };
    expect(mapCustomer(customer({ description: '\t' }), fromDescription, 'original')).toEqual({
      skip: 'missing_field',
      field: 'description',
    });
  });

  it('names first_name before email when both are blank', () => {
    expect(mapCustomer(customer({ name: ' ', email: null }), basic, 'v1')).toEqual({
      skip: 'missing_field',
      field: 'name',
    });
  });

  it('leaves out blank optional fields', () => {
    const mapping: InboundMapping = {
      ...basic,
      last_name: 'description',
      'metadata.phone': 'phone',
      'metadata.plan': 'metadata.plan',
      'metadata.tier': 'metadata.tier',
    };
    const c = customer({ description: '  ', phone: null, metadata: { plan: '', tier: 'gold' } });
    expect(mapCustomer(c, mapping, 'v1')).toEqual({
      referrer: {
        first_name: 'Jane',
        last_name: null,
        email: 'jane@example.com',
        metadata: { tier: 'gold' },
      },
    });
  });

  it('refuses a mapping without first_name or email', () => {
    expect(() => mapCustomer(customer(), { email: 'email' }, 'original')).toThrow(/first_name/);
    expect(() => mapCustomer(customer(), { first_name: 'name' }, 'original')).toThrow(/email/);
  });

  describe('checkInboundMapping', () => {
    it('accepts a complete mapping', () => {
      expect(checkInboundMapping(basic)).toEqual([]);
      expect(
        checkInboundMapping({
          first_name: 'metadata.first',
          last_name: 'name',
          email: 'email',
          'metadata.phone': 'phone',
          [`metadata.${'k'.repeat(40)}`]: `metadata.${'s'.repeat(40)}` as const,
        }),
      ).toEqual([]);
    });

    it('requires first_name and email', () => {
      expect(checkInboundMapping({})).toEqual([
        'first_name must be mapped from a Stripe field',
        'email must be mapped from a Stripe field',
      ]);
      expect(checkInboundMapping({ first_name: 'name', last_name: 'description' })).toEqual([
        'email must be mapped from a Stripe field',
      ]);
    });

    it('reports bad metadata keys on either side', () => {
      const long = 'k'.repeat(41);
      expect(
        checkInboundMapping({
          ...basic,
          'metadata.': 'phone',
          [`metadata.${long}`]: 'phone',
          'metadata.a[0]': 'phone',
          'metadata.ok': 'metadata.',
          'metadata.ok2': 'metadata.b]',
          'metadata.ok3': `metadata.${long}`,
          'metadata.ok4': 'metadata.  ',
        }),
      ).toEqual([
        'referrer field "metadata.": metadata key is empty',
        `referrer field "metadata.${long}": metadata key "${long}" is longer than 40 characters`,
        'referrer field "metadata.a[0]": metadata key "a[0]" contains "[" or "]"',
        'Stripe field for "metadata.ok": metadata key is empty',
        'Stripe field for "metadata.ok2": metadata key "b]" contains "[" or "]"',
        `Stripe field for "metadata.ok3": metadata key "${long}" is longer than 40 characters`,
        'Stripe field for "metadata.ok4": metadata key is empty',
      ]);
    });

    it('reports fields that are not fields (from untyped input)', () => {
      const mapping = { ...basic, nickname: 'name', last_name: 'address' } as unknown as InboundMapping;
      expect(checkInboundMapping(mapping)).toEqual([
        'referrer field "nickname": "nickname" is not a referrer field',
        'Stripe field for "last_name": "address" is not a Stripe field',
      ]);
    });
  });
});

describe('return mapping', () => {
  const none = { to: 'none' } as const;
  const values: ReturnValues = {
    referral_link: 'https://vouch.example/r/abcd2345ef',
    referral_code: 'JANE-7K2Q',
    referrals_count: 12,
    converted_count: 3,
  };
  const toMetadata: ReturnMapping = {
    referral_link: { to: 'metadata', key: 'referral_link' },
    referral_code: { to: 'metadata', key: 'referral_code' },
    referrals_count: { to: 'metadata', key: 'referrals' },
    converted_count: { to: 'metadata', key: 'converted' },
  };
  const written = {
    referral_link: 'https://vouch.example/r/abcd2345ef',
    referral_code: 'JANE-7K2Q',
    referrals: '12',
    converted: '3',
  };

  describe('checkReturnMapping', () => {
    it('accepts distinct targets and any number of nones', () => {
      expect(checkReturnMapping(toMetadata)).toEqual([]);
      expect(
        checkReturnMapping({
          referral_link: { to: 'description' },
          referral_code: { to: 'name' },
          referrals_count: { to: 'email' },
          converted_count: { to: 'metadata', key: 'converted' },
        }),
      ).toEqual([]);
      expect(
        checkReturnMapping({
          referral_link: { to: 'metadata', key: 'link' },
          referral_code: none,
          referrals_count: none,
          converted_count: none,
        }),
      ).toEqual([]);
    });

    it('requires the referral link to be written', () => {
      expect(checkReturnMapping({ ...toMetadata, referral_link: none })).toEqual([
        'referral_link must be written to a Stripe field',
      ]);
    });

    it('refuses two values in one standard field or one metadata key', () => {
      expect(
        checkReturnMapping({
          referral_link: { to: 'description' },
          referral_code: { to: 'description' },
          referrals_count: { to: 'metadata', key: 'count' },
          converted_count: { to: 'metadata', key: 'count' },
        }),
      ).toEqual([
        'referral_code and referral_link are both written to description',
        'converted_count and referrals_count are both written to metadata key "count"',
      ]);
      // Metadata keys are case-sensitive in Stripe, so these are different keys.
      expect(
        checkReturnMapping({ ...toMetadata, referral_code: { to: 'metadata', key: 'Referral_Link' } }),
      ).toEqual([]);
    });

    it('reports bad metadata keys and unknown targets', () => {
      expect(
        checkReturnMapping({
          referral_link: { to: 'metadata', key: '' },
          referral_code: { to: 'metadata', key: 'x'.repeat(41) },
          referrals_count: { to: 'metadata', key: 'counts[all]' },
          converted_count: { to: 'phone' } as unknown as ReturnMapping['converted_count'],
        }),
      ).toEqual([
        'referral_link: metadata key is empty',
        `referral_code: metadata key "${'x'.repeat(41)}" is longer than 40 characters`,
        'referrals_count: metadata key "counts[all]" contains "[" or "]"',
        'converted_count: not a Stripe field to write to',
      ]);
    });
  });

  describe('customerUpdate', () => {
    it('writes every value to metadata keys, numbers as decimal strings', () => {
      expect(customerUpdate(customer(), values, toMetadata)).toEqual({ metadata: written });
    });

    it('writes to name, email and description', () => {
      const mapping: ReturnMapping = {
        referral_link: { to: 'description' },
        referral_code: { to: 'name' },
        referrals_count: { to: 'email' },
        converted_count: none,
      };
      expect(customerUpdate(customer(), values, mapping)).toEqual({
        description: values.referral_link,
        name: 'JANE-7K2Q',
        email: '12',
      });
    });

    it('leaves alone what a none target would have written', () => {
      const mapping: ReturnMapping = {
        referral_link: { to: 'metadata', key: 'link' },
        referral_code: none,
        referrals_count: none,
        converted_count: none,
      };
      expect(customerUpdate(customer(), values, mapping)).toEqual({
        metadata: { link: values.referral_link },
      });
    });

    it('is null when the customer already shows the values', () => {
      expect(
        customerUpdate(customer({ metadata: { ...written, other: 'kept' } }), values, toMetadata),
      ).toBeNull();
      const mapping: ReturnMapping = {
        referral_link: { to: 'description' },
        referral_code: none,
        referrals_count: none,
        converted_count: none,
      };
      expect(customerUpdate(customer({ description: values.referral_link }), values, mapping)).toBeNull();
    });

    it('sends only the fields and metadata keys that changed', () => {
      const current = customer({ metadata: { ...written, converted: '2', other: 'kept' } });
      expect(customerUpdate(current, { ...values, converted_count: 3 }, toMetadata)).toEqual({
        metadata: { converted: '3' },
      });
      const mapping: ReturnMapping = {
        referral_link: { to: 'description' },
        referral_code: { to: 'metadata', key: 'code' },
        referrals_count: none,
        converted_count: none,
      };
      const stale = customer({ description: 'https://old.example/r/x', metadata: { code: 'JANE-7K2Q' } });
      expect(customerUpdate(stale, values, mapping)).toEqual({ description: values.referral_link });
    });

    it('removes a metadata key for a null referral code, and only if it is there', () => {
      const noCode = { ...values, referral_code: null };
      expect(customerUpdate(customer({ metadata: written }), noCode, toMetadata)).toEqual({
        metadata: { referral_code: '' },
      });
      const { referral_code: _, ...withoutCode } = written;
      expect(customerUpdate(customer({ metadata: withoutCode }), noCode, toMetadata)).toBeNull();
    });

    it('leaves a standard field alone for a null referral code', () => {
      const mapping: ReturnMapping = { ...toMetadata, referral_code: { to: 'name' } };
      const current = customer({ name: 'JANE-7K2Q', metadata: written });
      expect(customerUpdate(current, { ...values, referral_code: null }, mapping)).toBeNull();
    });

    it('writes zero counts as "0"', () => {
      expect(
        customerUpdate(
          customer({ metadata: written }),
          { ...values, referrals_count: 0, converted_count: 0 },
          toMetadata,
        ),
      ).toEqual({ metadata: { referrals: '0', converted: '0' } });
    });
  });
});

describe('sync config schema', () => {
  it('names the fields a mapping may use, and reads a stored config only in its shape', () => {
    const unknownField = inboundMappingSchema.safeParse({ bogus: 'name' });
    expect(unknownField.error?.issues[0]).toMatchObject({
      path: ['bogus'],
      message: 'referrer fields are first_name, last_name, email and metadata.<key>',
    });
    const badSource = inboundMappingSchema.safeParse({ first_name: 'nickname' });
    expect(badSource.error?.issues[0]?.message).toBe(
      'must be name, email, description, phone or metadata.<key>',
    );
    const stored = {
      inbound: { first_name: 'name', email: 'email', 'metadata.plan': 'metadata.plan' },
      return: {
        referral_link: { to: 'metadata', key: 'vouch_referral_link' },
        referral_code: { to: 'none' },
        referrals_count: { to: 'description' },
        converted_count: { to: 'none' },
      },
      name_version: 'v4',
      write_back: true,
      requests_per_second: null,
    };
    expect(readSyncConfig(stored)).toEqual(stored);
    expect(() => readSyncConfig({ ...stored, name_version: 'v9' })).toThrow();
  });
});
