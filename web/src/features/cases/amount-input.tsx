import { Input, Typography } from 'antd';
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { InputRef } from 'antd';
import { useT } from '../../i18n/i18n.context';
import { amountInWords, digitsOf, groupDigits } from './amount-words';

interface AmountInputProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  'aria-label'?: string;
}

/**
 * An amount of đồng: the form value is a string of digits (never a float), shown grouped "1.500.000" with "đ"
 * after it. The caret stays after the same digit while the dots move.
 */
export function AmountInput({ value, onChange, ...rest }: AmountInputProps) {
  const ref = useRef<InputRef>(null);
  const caretDigits = useRef<number | null>(null);
  const shown = groupDigits(value ?? '');

  useLayoutEffect(() => {
    const input = ref.current?.input;
    if (!input || caretDigits.current === null || document.activeElement !== input) return;
    // put the caret after the same number of digits as before the change
    let seen = 0;
    let position = 0;
    while (position < shown.length && seen < caretDigits.current) {
      if (/\d/.test(shown[position]!)) seen += 1;
      position += 1;
    }
    input.setSelectionRange(position, position);
    caretDigits.current = null;
  }, [shown]);

  return (
    <Input
      {...rest}
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      suffix="đ"
      value={shown}
      onChange={(event) => {
        const text = event.target.value;
        const caret = event.target.selectionStart ?? text.length;
        caretDigits.current = text.slice(0, caret).replace(/\D/g, '').length;
        onChange?.(digitsOf(text));
      }}
      className="amount-input"
    />
  );
}

/** "Bằng chữ: …" under an amount field; nothing while the field is empty. */
export function AmountWords({ value }: { value: string | null | undefined }) {
  const t = useT();
  const words = amountInWords(value);
  if (!words) return null;
  return (
    <Typography.Text type="secondary" className="amount-words">
      {t('case.inWords', { words })}
    </Typography.Text>
  );
}
