import { Tag } from 'antd';
import { Link } from 'react-router';
import { stepTitle } from '../cases/case-labels';
import { getCalendar, listCloses } from '../statistics/statistics.api';
import { useT } from '../../i18n/i18n.context';
import { formatCount } from '../../i18n/format';
import { paths } from '../../routes';
import { useAsync, type AsyncState } from '../../util/use-async';
import type { DeadlineSummary } from './home.api';
import { HomeSection } from './home-section';

interface Awaiting {
  summary: DeadlineSummary;
  /** The last month ended and whether its figures are closed; null where no close applies (the nation). */
  close: { monthEnd: string; closed: boolean } | null;
}

/** What awaits the head: the steps that are the head's decision, and the last month's figures to close. */
export function AwaitingSection(props: { unit: string; canClose: boolean; summary: AsyncState<DeadlineSummary> }) {
  const t = useT();
  const close = useAsync(async () => {
    if (!props.canClose) return null;
    const [calendar, closes] = await Promise.all([getCalendar(props.unit), listCloses(props.unit)]);
    return { monthEnd: calendar.previousMonthEnd, closed: closes.some((c) => c.monthEnd === calendar.previousMonthEnd) };
  }, [props.unit, props.canClose]);
  const both: AsyncState<Awaiting> = {
    data: props.summary.data && close.data !== undefined ? { summary: props.summary.data, close: close.data } : undefined,
    error: props.summary.error ?? close.error,
    loading: props.summary.loading || close.loading,
    reload: () => {
      props.summary.reload();
      close.reload();
    },
  };
  return (
    <HomeSection testId="home-awaiting" title={t('home.awaiting.title')} state={both}>
      {({ summary, close: month }) => {
        const steps = summary.byStep.filter((s) => s.headDecision && s.overdue + s.dueThisWeek > 0);
        return (
          <ul className="home-list">
            {month && (
              <li>
                <Link to={paths.statisticsClose}>{t('home.awaiting.close', { month: month.monthEnd.slice(5, 7) + '/' + month.monthEnd.slice(0, 4) })}</Link>
                <span />
                <Tag color={month.closed ? 'success' : 'warning'}>{t(month.closed ? 'home.awaiting.closeDone' : 'home.awaiting.closeOpen')}</Tag>
              </li>
            )}
            {steps.map((s) => (
              <li key={s.step}>
                <span>{stepTitle(s.step, t)}</span>
                <Link to={paths.myWork} className="home-count">
                  {formatCount(s.overdue + s.dueThisWeek)}
                </Link>
                {s.overdue ? <span className="home-danger">{t('home.waiting.overdueShort', { count: formatCount(s.overdue) })}</span> : <span />}
              </li>
            ))}
            {steps.length === 0 && (
              <li className="home-empty">
                <span>{t('home.awaiting.none')}</span>
              </li>
            )}
          </ul>
        );
      }}
    </HomeSection>
  );
}
