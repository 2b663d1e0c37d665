import { Link } from 'react-router';
import { openCases, type OpenCase } from '../mobilisation/mobilisation.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatMoney } from '../../i18n/format';
import { paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { Figure, Figures, HomeSection } from './home-section';
import { dueWithinWeek } from './promises.section';

/** A visit is due when a promise falls due within the week or one was broken; the earliest date first. */
function visitsDue(items: OpenCase[], today: string): OpenCase[] {
  const due = items.filter((i) => dueWithinWeek(i, today) || i.brokenPromises > 0);
  const key = (i: OpenCase) => (dueWithinWeek(i, today) ? `0${i.nextDue!.due}` : `1${i.lastVisit?.on ?? ''}`);
  return due.sort((a, b) => key(a).localeCompare(key(b)));
}

/** A team member's cases: those handed to the team, and the visits due. */
export function TeamCasesSection() {
  const t = useT();
  const state = useAsync(() => openCases(), []);
  return (
    <HomeSection testId="home-team-cases" title={t('home.team.title')} state={state} extra={<Link to={paths.mobilisationCases}>{t('home.seeAll')}</Link>}>
      {({ today, items }) => {
        const due = visitsDue(items, today);
        const never = items.filter((i) => i.lastVisit === null).length;
        const teams = [...new Set(items.map((i) => i.assignment.team.name))];
        return (
          <>
            {teams.length > 0 && <p className="home-intro">{teams.join(', ')}</p>}
            <Figures>
              <Figure label={t('home.team.cases')} value={items.length} to={paths.mobilisationCases} />
              <Figure label={t('home.team.visitsDue')} value={due.length} to={paths.mobilisationCases} tone={due.length ? 'warning' : 'ok'} note={t('home.team.visitsDueNote')} />
              <Figure label={t('home.team.neverVisited')} value={never} to={paths.mobilisationCases} />
            </Figures>
            {due.length === 0 ? (
              <p className="home-empty">{t('home.team.none')}</p>
            ) : (
              <>
                <h4 className="home-subtitle">{t('home.team.list')}</h4>
                <ul className="home-list">
                  {due.slice(0, 5).map((i) => (
                    <li key={i.case.id}>
                      <span>
                        <strong>{i.case.obligors.map((o) => o.name).join(', ')}</strong>
                        <div className="home-figure-note">{i.case.decision.number}</div>
                      </span>
                      <span>{i.lastVisit ? t('home.team.lastVisit', { date: formatDate(i.lastVisit.on) }) : t('home.team.neverVisited')}</span>
                      <span className={dueWithinWeek(i, today) ? 'home-warning' : 'home-danger'}>
                        {dueWithinWeek(i, today)
                          ? t('home.team.promiseDue', { amount: formatMoney(i.nextDue!.amount), date: formatDate(i.nextDue!.due) })
                          : t('home.team.promiseBroken', { count: i.brokenPromises })}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        );
      }}
    </HomeSection>
  );
}
