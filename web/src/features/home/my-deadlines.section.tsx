import { Link } from 'react-router';
import { listDeadlines } from '../cases/cases.api';
import { stepTitle } from '../cases/case-labels';
import { useT } from '../../i18n/i18n.context';
import { formatDate } from '../../i18n/format';
import { casePath, paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { Figure, Figures, HomeSection } from './home-section';
import { daysBetween } from './home-links';

/** An enforcer's deadlines: overdue and due this week ("Việc của tôi"), the longest overdue first. */
export function MyDeadlinesSection() {
  const t = useT();
  const state = useAsync(() => listDeadlines({ mine: true }), []);
  return (
    <HomeSection testId="home-deadlines" title={t('home.deadlines.title')} state={state} extra={<Link to={paths.myWork}>{t('home.seeAll')}</Link>}>
      {(d) => (
        <>
          <Figures>
            <Figure label={t('home.deadlines.overdue')} value={d.overdue.length} to={paths.myWork} tone={d.overdue.length ? 'danger' : 'ok'} />
            <Figure label={t('home.deadlines.week', { date: formatDate(d.weekEnds) })} value={d.dueThisWeek.length} to={paths.myWork} tone={d.dueThisWeek.length ? 'warning' : 'ok'} />
          </Figures>
          {d.overdue.length + d.dueThisWeek.length === 0 ? (
            <p className="home-empty">{t('home.deadlines.allClear')}</p>
          ) : (
            <>
              <h4 className="home-subtitle">{d.overdue.length ? t('home.deadlines.mostOverdue') : t('home.deadlines.week', { date: formatDate(d.weekEnds) })}</h4>
              <ul className="home-list">
                {(d.overdue.length ? d.overdue : d.dueThisWeek).slice(0, 5).map((item) => (
                  <li key={`${item.id}:${item.step}`}>
                    <Link to={casePath(item.id)}>{item.id}</Link>
                    <span>{stepTitle(item.step, t)}</span>
                    <span className={item.overdue ? 'home-danger' : 'home-warning'}>
                      {formatDate(item.due)}
                      {item.overdue ? ` · ${t('home.deadlines.daysOverdue', { days: daysBetween(item.due, d.today) })}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </HomeSection>
  );
}
