import { Link } from 'react-router';
import { getBreakdown, getCalendar, type BreakdownRow } from '../statistics/statistics.api';
import { formatRate } from '../statistics/stat-format';
import { useT } from '../../i18n/i18n.context';
import { formatDate } from '../../i18n/format';
import { useAsync } from '../../util/use-async';
import { HomeSection } from './home-section';
import { formsHref } from './home-links';

const byRate = (a: BreakdownRow, b: BreakdownRow) =>
  (b.report.cases.rate ?? -1) - (a.report.cases.rate ?? -1) || (b.report.money.rate ?? -1) - (a.report.money.rate ?? -1) || (a.key ?? '').localeCompare(b.key ?? '');

/** A province's offices (the nation's provinces) ranked by this fiscal year's case rate, with their targets. */
export function OfficesRankedSection({ unit, by }: { unit: string; by: 'office' | 'province' }) {
  const t = useT();
  const state = useAsync(async () => {
    const calendar = await getCalendar(unit);
    const breakdown = await getBreakdown(unit, calendar.today, undefined, by);
    return { calendar, breakdown, rows: [...breakdown.rows].sort(byRate) };
  }, [unit, by]);
  return (
    <HomeSection
      testId="home-offices"
      title={state.data ? t('home.offices.title', { year: state.data.calendar.currentFiscalYear }) : t('home.offices.titleNoYear')}
      state={state}
    >
      {({ breakdown, rows }) =>
        rows.length === 0 ? (
          <p className="home-empty">{t('home.offices.none')}</p>
        ) : (
          <>
            <p className="home-intro">{t('home.offices.intro', { from: formatDate(breakdown.period.from), to: formatDate(breakdown.period.to) })}</p>
            <table className="home-table">
              <thead>
                <tr>
                  <th scope="col" className="home-num">{t('home.offices.rank')}</th>
                  <th scope="col">{t('home.offices.unit')}</th>
                  <th scope="col" className="home-num">{t('home.offices.cases')}</th>
                  <th scope="col" className="home-num">{t('home.offices.money')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.key ?? ''}>
                    <td className="home-num">{index + 1}</td>
                    <th scope="row">{row.label ?? row.key}</th>
                    {(['cases', 'money'] as const).map((kind) => (
                      <td key={kind} className="home-num">
                        <Link to={formsHref(breakdown.period.to, { form: kind, by })}>{formatRate(row.report[kind].rate)}</Link>
                        {row.report.target ? <div className="home-figure-note">{t('home.offices.target', { value: formatRate(row.report.target[kind]) })}</div> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      }
    </HomeSection>
  );
}
