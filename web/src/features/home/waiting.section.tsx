import { Link } from 'react-router';
import { stepTitle } from '../cases/case-labels';
import { useT } from '../../i18n/i18n.context';
import { formatCount } from '../../i18n/format';
import { paths } from '../../routes';
import type { AsyncState } from '../../util/use-async';
import type { DeadlineSummary } from './home.api';
import { HomeSection } from './home-section';

/** The enforcer's cases waiting for an action, by the next step to take (overdue and due this week). */
export function WaitingSection({ summary }: { summary: AsyncState<DeadlineSummary> }) {
  const t = useT();
  return (
    <HomeSection testId="home-waiting" title={t('home.waiting.title')} state={summary}>
      {(s) =>
        s.byStep.length === 0 ? (
          <p className="home-empty">{t('home.deadlines.allClear')}</p>
        ) : (
          <>
            <p className="home-intro">{t('home.waiting.intro')}</p>
            <ul className="home-list">
              {s.byStep.map((row) => (
                <li key={row.step}>
                  <span>{stepTitle(row.step, t)}</span>
                  <Link to={paths.myWork} className="home-count">
                    {formatCount(row.overdue + row.dueThisWeek)}
                  </Link>
                  {row.overdue ? <span className="home-danger">{t('home.waiting.overdueShort', { count: formatCount(row.overdue) })}</span> : <span />}
                </li>
              ))}
            </ul>
          </>
        )
      }
    </HomeSection>
  );
}
