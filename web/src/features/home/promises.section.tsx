import { Link } from 'react-router';
import { openCases, type OpenCase } from '../mobilisation/mobilisation.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate, formatMoney } from '../../i18n/format';
import { casePath, paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { Figure, Figures, HomeSection } from './home-section';
import { addDays } from './home-links';

/** A promise to pay falling due within a week of `today`. */
export const dueWithinWeek = (item: OpenCase, today: string) => item.nextDue !== null && item.nextDue.due <= addDays(today, 7);

/** An enforcer's cases in the hands of a team: promises of payment coming due and those broken. */
export function PromisesSection() {
  const t = useT();
  const state = useAsync(() => openCases({ mine: true }), []);
  return (
    <HomeSection testId="home-promises" title={t('home.promises.title')} state={state} extra={<Link to={paths.mobilisationCases}>{t('home.seeAll')}</Link>}>
      {({ today, items }) => {
        const soon = items.filter((i) => dueWithinWeek(i, today)).sort((a, b) => a.nextDue!.due.localeCompare(b.nextDue!.due));
        const broken = items.filter((i) => i.brokenPromises > 0).length;
        return (
          <>
            <Figures>
              <Figure label={t('home.promises.handed')} value={items.length} to={paths.mobilisationCases} />
              <Figure label={t('home.promises.dueSoon')} value={soon.length} to={paths.mobilisationCases} tone={soon.length ? 'warning' : 'ok'} />
              <Figure label={t('home.promises.broken')} value={broken} to={paths.mobilisationCases} tone={broken ? 'danger' : 'ok'} />
            </Figures>
            {soon.length === 0 ? (
              <p className="home-empty">{t('home.promises.none')}</p>
            ) : (
              <>
                <h4 className="home-subtitle">{t('home.promises.next')}</h4>
                <ul className="home-list">
                  {soon.slice(0, 5).map((i) => (
                    <li key={i.case.id}>
                      <Link to={casePath(i.case.id)}>{i.case.id}</Link>
                      <span>{i.case.obligors.map((o) => o.name).join(', ')}</span>
                      <span className="home-warning">{t('home.team.promiseDue', { amount: formatMoney(i.nextDue!.amount), date: formatDate(i.nextDue!.due) })}</span>
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
