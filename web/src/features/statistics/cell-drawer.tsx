import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { getAllCellItems, type CellItem, type CellPage, type CellQuery, type Report } from './statistics.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatMoney } from '../../i18n/format';
import { casePath } from '../../routes';
import { errorMessage } from '../../util/error-message';
import { codeLabel, statusLabel } from '../cases/case-labels';
import { cellText, keyLabel, type FormColumn } from './form-table';
import { formatCount, formatThousand } from './stat-format';

/** Lists bigger than this are shown in part (a national cell); the sum is then of the loaded cases only. */
const LOAD_LIMIT = 50_000;

interface Loaded {
  first: CellPage;
  items: CellItem[];
  complete: boolean;
}

export interface CellDrawerProps {
  /** The drill-down query; for the rate column the key is `resolved` (the rate's numerator). */
  query: CellQuery;
  /** The column clicked (may be `rate`). */
  column: FormColumn;
  /** The row's label ("Phòng … khu vực 3", "Chủ động", …). */
  rowLabel: string;
  /** The report of the row, for the cell's shown value and the rate's terms. */
  report: Report;
  onClose: () => void;
}

/**
 * The cases behind one cell of a form (statistics.md §6): each case with what it contributes, and their sum
 * at the bottom, which equals the cell (for money: in đồng, and in nghìn đồng as the form shows it).
 */
export function CellDrawer({ query, column, rowLabel, report, onClose }: CellDrawerProps) {
  const t = useT();
  const money = query.form === 'money';
  const [state, setState] = useState<{ data?: Loaded; error?: unknown; loading: boolean }>({ loading: true });
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const abort = new AbortController();
    setState({ loading: true });
    getAllCellItems(query, LOAD_LIMIT, abort.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => abort.abort();
    // queryKey is the stable form of query
  }, [queryKey]);

  const sum = useMemo(() => {
    let s = 0n;
    for (const i of state.data?.items ?? []) s += BigInt(i.value);
    return s;
  }, [state.data]);

  const formLabel = t(money ? 'stat.form.money' : 'stat.form.cases');
  const cellShown = cellText(report, query.form, column);
  const cellValue = state.data ? BigInt(state.data.first.total) : null;
  const matches = cellValue !== null && state.data?.complete === true && sum === cellValue;
  const count = state.data?.items.length ?? 0;

  const columns: TableColumnsType<CellItem> = [
    {
      title: t('stat.drill.case'),
      key: 'caseId',
      render: (_, i) => (
        <Link to={casePath(i.caseId)} className="nowrap">
          {i.caseId}
        </Link>
      ),
    },
    { title: t('stat.drill.office'), key: 'office', render: (_, i) => i.office ?? '—' },
    {
      title: t('stat.drill.episode'),
      key: 'episode',
      render: (_, i) => (
        <span className="nowrap">
          {formatDate(i.episodeStart)} – {i.episodeEnd && i.episodeEnd <= query.to ? formatDate(i.episodeEnd) : '…'}
        </span>
      ),
    },
    {
      title: t('stat.drill.state'),
      key: 'state',
      render: (_, i) =>
        i.endType && i.episodeEnd && i.episodeEnd <= query.to
          ? `${codeLabel('case.status.', i.endType, t)} (${formatDate(i.episodeEnd)})`
          : i.status
            ? statusLabel(i.status, t)
            : '—',
    },
    ...(money
      ? [
          {
            title: t('stat.drill.amount'),
            key: 'value',
            align: 'right' as const,
            render: (_: unknown, i: CellItem) => <span className="stat-number">{formatMoney(String(i.value))}</span>,
          },
        ]
      : []),
  ];

  const periodText = `${formatDate(report.period.from)} – ${formatDate(report.period.to)}`;
  const rateTerms =
    column === 'rate'
      ? money
        ? t('stat.drill.rateTerms', {
            resolved: formatThousand(report.money.resolved),
            withMeans: formatThousand(report.money.with_means),
            rate: cellShown,
            unit: t('stat.unit.thousand'),
          })
        : t('stat.drill.rateTerms', {
            resolved: formatCount(report.cases.resolved),
            withMeans: formatCount(report.cases.with_means),
            rate: cellShown,
            unit: t('stat.unit.cases'),
          })
      : null;

  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      title={t('stat.drill.title', { column: keyLabel(column, t), form: formLabel })}
      className="stat-drawer"
    >
      <Typography.Paragraph>
        <strong>{rowLabel}</strong> · {periodText}
        <br />
        {t('stat.drill.cellValue')}{' '}
        <strong className="stat-number" data-testid="drill-cell">
          {cellShown}
        </strong>{' '}
        {column === 'rate' ? '' : t(money ? 'stat.unit.thousand' : 'stat.unit.cases')}
      </Typography.Paragraph>
      {rateTerms && <Alert className="form-alert" type="info" showIcon title={rateTerms} />}
      {state.error !== undefined && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(state.error, t)} />}
      {state.data && (
        <Alert
          className="form-alert"
          type={matches ? 'success' : 'warning'}
          icon={matches ? <CheckCircleOutlined /> : <WarningOutlined />}
          showIcon
          title={
            matches
              ? t(money ? 'stat.drill.matchesMoney' : 'stat.drill.matchesCases', { count: formatCount(count) })
              : state.data.complete
                ? t('stat.drill.mismatch')
                : t('stat.drill.partial', { count: formatCount(count), total: formatCount(state.data.first.count ?? count) })
          }
        />
      )}
      <Table<CellItem>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={state.data?.items ?? []}
        loading={state.loading}
        locale={{ emptyText: t('stat.drill.empty') }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: ['50', '100', '500'], hideOnSinglePage: true }}
        aria-label={t('stat.drill.listLabel')}
        summary={() =>
          state.data ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="stat-total-row">
                <Table.Summary.Cell index={0} colSpan={money ? 4 : 3}>
                  {t('stat.drill.sumLabel', { count: formatCount(count) })}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={money ? 4 : 3} align="right">
                  <span data-testid="drill-sum" className="stat-number">
                    {money ? formatMoney(sum) : formatCount(sum)}
                  </span>
                  {money && (
                    <div className="small-note" data-testid="drill-sum-thousand">
                      = {formatThousand(sum)} {t('stat.unit.thousand')}
                    </div>
                  )}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : undefined
        }
      />
    </Drawer>
  );
}
