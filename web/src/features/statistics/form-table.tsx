import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseKey, FormKind, MoneyKey, Policies, Report } from './statistics.api';
import { useT, type Translate } from '../../i18n/i18n.context';
import type { MessageKey } from '../../i18n/messages';
import { formatCount, formatRate, formatThousand } from './stat-format';

/** A column of a form: a key of the report, or its rate. */
export type FormColumn = CaseKey | MoneyKey | 'rate';

/** The Vietnamese (or English) label of a form key (FORM_LABELS_VI of src/modules/statistics/domain/form-keys.ts). */
export function keyLabel(key: FormColumn, t: Translate): string {
  return t(`stat.key.${key}` as MessageKey);
}

/** The counting policies a report used, in words (statistics.md: every report shows them). */
export function policiesText(policies: Policies, t: Translate): { resolved: string; grounds: string } {
  const resolved = policies.moneyResolved.length
    ? policies.moneyResolved.map((k) => (['completed', 'terminated', 'reduced'].includes(k) ? keyLabel(k as FormColumn, t) : k)).join(' + ')
    : '—';
  const grounds = policies.postponementGroundsWithoutMeans.length ? policies.postponementGroundsWithoutMeans.join('; ') : t('stat.policy.none');
  return { resolved, grounds };
}

/** The shown value of a cell: a count, thousands of đồng, or a rate. */
export function cellText(report: Report, form: FormKind, key: FormColumn): string {
  if (key === 'rate') return formatRate(report[form].rate);
  if (form === 'cases') return formatCount(report.cases[key as CaseKey]);
  return formatThousand(report.money[key as MoneyKey]);
}

interface HeaderNode {
  label: string;
  key?: FormColumn;
  children?: HeaderNode[];
}

/** The header tree of the official forms (Thông tư 06/2019/TT-BTP, biểu 01 and 02; src/modules/statistics/infra/exports/official-forms.ts). */
function headerTree(kind: FormKind, t: Translate): HeaderNode[] {
  const L = (k: FormColumn) => keyLabel(k, t);
  const subtotal = t('stat.col.subtotal');
  const withMeans: HeaderNode[] = [
    { label: subtotal, key: 'with_means' },
    { label: L('completed'), key: 'completed' },
    { label: L('terminated'), key: 'terminated' },
    ...(kind === 'money' ? [{ label: L('reduced'), key: 'reduced' as const }] : []),
    { label: L('in_progress'), key: 'in_progress' },
    { label: L('postponed'), key: 'postponed' },
    { label: L('suspended'), key: 'suspended' },
    { label: L('other'), key: 'other' },
  ];
  return [
    { label: L('total'), children: [{ label: subtotal, key: 'total' }, { label: L('carried_over'), key: 'carried_over' }, { label: L('new'), key: 'new' }] },
    { label: L('transferred_out'), key: 'transferred_out' },
    { label: L('withdrawn'), key: 'withdrawn' },
    {
      label: L('to_enforce'),
      children: [
        { label: subtotal, key: 'to_enforce' },
        { label: L('with_means'), children: withMeans },
        { label: L('without_means'), key: 'without_means' },
      ],
    },
    { label: `${L('rate')} (%)`, key: 'rate' },
    {
      label: L('carried_forward'),
      children: [{ label: subtotal, key: 'carried_forward' }, { label: L('carried_forward_with_means'), key: 'carried_forward_with_means' }],
    },
  ];
}

/** The data columns of a form, left to right. */
function leafKeys(kind: FormKind, t: Translate): FormColumn[] {
  const out: FormColumn[] = [];
  const walk = (nodes: HeaderNode[]) => {
    for (const n of nodes) {
      if (n.children) walk(n.children);
      else out.push(n.key!);
    }
  };
  walk(headerTree(kind, t));
  return out;
}

/** One row of a form: the unit (or a breakdown group) and its report. */
export interface FormRow {
  /** React key and drill-down value: null for the unit's own total row, '' for a group without a value. */
  value: string | null;
  label: ReactNode;
  /** Plain text of the label for the links' accessible names. */
  labelText: string;
  report: Report;
  total?: boolean;
}

export interface FormTableProps {
  kind: FormKind;
  rows: FormRow[];
  /** Header of the first column ("Đơn vị", "Chấp hành viên", …). */
  rowHeader: string;
  /** Where a cell's link leads (the same page with the drill-down open). */
  cellHref: (row: FormRow, key: FormColumn) => string;
  caption: string;
}

/** A form as a table with the official multi-level header; every number links to the cases behind it. */
export function FormTable({ kind, rows, rowHeader, cellHref, caption }: FormTableProps) {
  const t = useT();
  // fixed layout: each column as wide as its longest number (headers wrap), so the form stays compact: the
  // case form of an office (18 columns of counts) fits a 1440 px screen beside the menu, rate included
  const widthOf = (key: FormColumn) => {
    const longest = Math.max(0, ...rows.map((r) => cellText(r.report, kind, key).length));
    return Math.max(key === 'rate' ? 64 : 56, Math.round(longest * 8) + 20);
  };
  const toColumn = (node: HeaderNode): TableColumnsType<FormRow>[number] => {
    if (node.children) return { title: node.label, align: 'center', children: node.children.map(toColumn) };
    const key = node.key!;
    const fullLabel = keyLabel(key, t);
    return {
      title: node.label,
      key,
      align: 'right',
      width: widthOf(key),
      onHeaderCell: () => ({ style: { textAlign: 'center' } }),
      className: key === 'rate' ? 'stat-rate-col' : undefined,
      render: (_: unknown, row: FormRow) => {
        const text = cellText(row.report, kind, key);
        if (key === 'rate' && row.report[kind].rate === null) return text;
        return (
          <Link to={cellHref(row, key)} className="stat-cell-link" aria-label={`${fullLabel} – ${row.labelText}: ${text}`}>
            {text}
          </Link>
        );
      },
    };
  };
  const labelWidth = 180;
  const columns: TableColumnsType<FormRow> = [
    {
      title: rowHeader,
      key: 'label',
      fixed: 'left',
      width: labelWidth,
      render: (_: unknown, row: FormRow) => row.label,
    },
    ...headerTree(kind, t).map(toColumn),
  ];
  return (
    <Table<FormRow>
      className="stat-form-table"
      size="small"
      bordered
      pagination={false}
      rowKey={(row) => (row.value === null ? '__total__' : `v:${row.value}`)}
      rowClassName={(row) => (row.total ? 'stat-total-row' : '')}
      columns={columns}
      dataSource={rows}
      tableLayout="fixed"
      scroll={{ x: labelWidth + leafKeys(kind, t).reduce((sum, k) => sum + widthOf(k), 0) }}
      title={() => caption}
    />
  );
}
