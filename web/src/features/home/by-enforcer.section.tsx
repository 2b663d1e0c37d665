import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.context';
import { formatCount } from '../../i18n/format';
import { paths } from '../../routes';
import type { AsyncState } from '../../util/use-async';
import type { DeadlineSummary } from './home.api';
import { HomeSection } from './home-section';
import { caseListHref } from './home-links';

/** The unit's overdue legal steps by enforcer (the most overdue first); each count opens the cases behind it. */
export function ByEnforcerSection({ summary }: { summary: AsyncState<DeadlineSummary> }) {
  const t = useT();
  return (
    <HomeSection testId="home-by-enforcer" title={t('home.byEnforcer.title')} state={summary} extra={<Link to={paths.myWork}>{t('home.seeAll')}</Link>}>
      {(s) =>
        s.byEnforcer.length === 0 ? (
          <p className="home-empty">{t('home.byEnforcer.none')}</p>
        ) : (
          <>
            <p className="home-intro">
              <Link to={paths.myWork}>{t('home.byEnforcer.total', { overdue: formatCount(s.total.overdue), week: formatCount(s.total.dueThisWeek) })}</Link>
            </p>
            <table className="home-table">
              <thead>
                <tr>
                  <th scope="col">{t('home.byEnforcer.enforcer')}</th>
                  <th scope="col" className="home-num">{t('home.byEnforcer.overdue')}</th>
                  <th scope="col" className="home-num">{t('home.byEnforcer.week')}</th>
                </tr>
              </thead>
              <tbody>
                {s.byEnforcer.map((row) => (
                  <tr key={row.enforcer?.code ?? ''}>
                    <th scope="row">{row.enforcer ? (row.enforcer.name ?? row.enforcer.code) : t('home.byEnforcer.unassigned')}</th>
                    <td className="home-num">
                      {row.enforcer && row.overdue ? (
                        <Link className="home-danger" to={caseListHref({ enforcer: row.enforcer.code, overdue: true })}>
                          {formatCount(row.overdue)}
                        </Link>
                      ) : (
                        formatCount(row.overdue)
                      )}
                    </td>
                    <td className="home-num">{formatCount(row.dueThisWeek)}</td>
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
