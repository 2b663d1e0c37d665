import { Tag } from 'antd';
import type { CaseStatus, LegalStep, StepCode, TimelineEntry } from './cases.api';
import { useLanguage, useT, type Translate } from '../../i18n/i18n.context';
import { isMessageKey } from '../../i18n/messages';

// Labels of the register's codes come from the catalogue; the server's Vietnamese label is the fallback
// for a code the catalogue does not know yet.

export function statusLabel(status: string, t: Translate, fallback?: string): string {
  const key = `case.status.${status}`;
  return isMessageKey(key) ? t(key) : (fallback ?? status);
}

export function eventLabel(entry: Pick<TimelineEntry, 'type'> & { label?: string }, t: Translate): string {
  const key = `case.event.${entry.type}`;
  return isMessageKey(key) ? t(key) : (entry.label ?? entry.type);
}

export function stepTitle(code: StepCode | string, t: Translate): string {
  const key = `case.step.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A step of the detail's deadline panel in the UI language (the server gives both). */
export function useStepTitle(): (step: LegalStep) => string {
  const [language] = useLanguage();
  return (step) => (language === 'vi' ? step.title_vi : step.title_en);
}

/** The label of any other code under a catalogue prefix ("case.category." + "dan_su"). */
export function codeLabel(prefix: string, code: string | null | undefined, t: Translate): string {
  if (!code) return '';
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

const STATUS_COLOURS: Record<CaseStatus, string> = {
  pending_verification: 'gold',
  in_progress: 'blue',
  no_means: 'volcano',
  postponed: 'purple',
  suspended: 'magenta',
  other: 'default',
  completed: 'green',
  terminated: 'default',
  transferred_out: 'cyan',
  withdrawn: 'default',
  separate_ledger: 'geekblue',
  request_returned: 'geekblue',
};

export function StatusTag({ status, fallback }: { status: CaseStatus; fallback?: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{statusLabel(status, t, fallback)}</Tag>;
}
