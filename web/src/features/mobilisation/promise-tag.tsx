import { Tag } from 'antd';
import { useT } from '../../i18n/i18n.context';
import type { PromiseState } from './mobilisation.api';

const COLOUR: Record<PromiseState, string> = { kept: 'green', broken: 'red', due: 'blue' };

/** A promised instalment's state: kept (green), overdue (red), not yet due (blue). */
export function PromiseTag({ state }: { state: PromiseState }) {
  const t = useT();
  return <Tag color={COLOUR[state]}>{t(`mob.promise.${state}`)}</Tag>;
}
