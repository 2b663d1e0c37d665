import { Typography } from 'antd';
import { useT, type Translate } from '../../i18n/i18n.context';
import { excessOf, excessParts } from './stat-format';

/** "vượt 2,31%", "đạt chỉ tiêu", "chưa đạt 1,20%", or "—" without a rate or a target (statistics.md §5). */
export function excessText(excess: number | null, t: Translate): string {
  const parts = excessParts(excess);
  if (!parts) return '—';
  if (parts.kind === 'met') return t('stat.excess.met');
  return t(parts.kind === 'over' ? 'stat.excess.over' : 'stat.excess.under', { value: parts.value });
}

/** The excess of a rate over its target, green when met, red when missed. */
export function ExcessText({ rate, target }: { rate: number | null; target: number | null | undefined }) {
  const t = useT();
  const excess = excessOf(rate, target);
  const parts = excessParts(excess);
  return (
    <Typography.Text type={parts ? (parts.kind === 'under' ? 'danger' : 'success') : 'secondary'} className="nowrap">
      {excessText(excess, t)}
    </Typography.Text>
  );
}
