import { Link } from 'react-router';
import { fiscalYearBounds, fiscalYearOf } from '@domain/statistics';
import { getResults } from '../mobilisation/results.api';
import { useT } from '../../i18n/i18n.context';
import { formatMoney, todayInOfficeZone } from '../../i18n/format';
import { paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { Figure, Figures, HomeSection } from './home-section';

/** What the member's team (the unit's teams for staff) achieved this fiscal year, as the results page counts it. */
export function TeamResultsSection({ unit }: { unit: string }) {
  const t = useT();
  const today = todayInOfficeZone();
  const year = fiscalYearOf(today);
  const state = useAsync(() => getResults(unit, fiscalYearBounds(year).from, today, 'team'), [unit, year, today]);
  return (
    <HomeSection
      testId="home-team-results"
      title={t('home.results.title', { year })}
      state={state}
      extra={<Link to={paths.mobilisationResults}>{t('home.seeAll')}</Link>}
    >
      {(results) => {
        // a member gets only their own team's rows; staff the unit's total
        const f = results.rows.length === 1 ? results.rows[0]!.figures : results.total.figures;
        return (
          <Figures>
            <Figure label={t('home.results.visits')} value={Number(f.visits)} to={paths.mobilisationResults} />
            <Figure label={t('home.results.resolved')} value={Number(f.casesResolved)} to={paths.mobilisationResults} />
            <Figure label={t('home.results.money')} value={formatMoney(f.moneyResolved)} to={paths.mobilisationResults} />
            <Figure label={t('home.results.kept')} value={Number(f.promisesKept)} to={paths.mobilisationResults} tone="ok" />
            <Figure label={t('home.results.broken')} value={Number(f.promisesBroken)} to={paths.mobilisationResults} tone={Number(f.promisesBroken) ? 'danger' : undefined} />
          </Figures>
        );
      }}
    </HomeSection>
  );
}
