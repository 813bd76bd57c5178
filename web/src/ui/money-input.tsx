import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { minorUnits } from './money';

/** Minor units per major unit, or null when the currency is missing or unknown to the browser. */
function factorOf(currency: string | null | undefined): number | null {
  if (!currency) return null;
  try {
    return minorUnits(currency.toUpperCase());
  } catch {
    return null;
  }
}

function toMinor(text: number | string, factor: number): number | null {
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? Math.round(number * factor) : null;
}

/**
 * An amount typed as money in its currency (42.50 in usd) and handed on in minor units (4250), as the API
 * takes it. Without a known currency the amount is typed in minor units, and the label says so.
 */
export function MoneyInput({
  value,
  currency,
  onChange,
  label,
  ...props
}: {
  value: number | null;
  currency: string | null | undefined;
  onChange: (minor: number | null) => void;
  label: string;
} & Omit<NumberInputProps, 'value' | 'onChange' | 'label'>) {
  const known = factorOf(currency);
  const factor = known ?? 1;
  const shown = value === null ? '' : value / factor;
  const [text, setText] = useState<number | string>(shown);
  // A value set from outside (a reset after saving, another currency) replaces what is typed.
  useEffect(() => {
    setText((typed) => (toMinor(typed, factor) === value ? typed : value === null ? '' : value / factor));
  }, [value, factor]);
  return (
    <NumberInput
      {...props}
      label={known === null ? `${label} (minor units)` : label}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(toMinor(next, factor));
      }}
      decimalScale={Math.round(Math.log10(factor))}
      min={0}
      rightSection={currency ? currency.toUpperCase() : undefined}
      rightSectionWidth={48}
    />
  );
}
