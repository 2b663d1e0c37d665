import { Link } from 'react-router';
import { getYears, type YearRow } from '../statistics/statistics.api';
import { excessOf, formatRate } from '../statistics/stat-format';
import { useT } from '../../i18n/i18n.context';
import { formatCount, formatDate } from '../../i18n/format';
import { paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { Figure, Figures, HomeSection } from './home-section';
import { formsHref } from './home-links';

/** The working unit's rates this fiscal year against its target, with the year-end forecast (the server's). */
export function RatesSection({ unit }: { unit: string }) {
  const t = useT();
  const state = useAsync(() => getYears(unit), [unit]);
  const current = state.data?.years.find((y) => y.current);
  return (
    <HomeSection
      testId="home-rates"
      title={current ? t('home.rates.title', { year: current.fiscalYear }) : t('home.rates.title', { year: state.data?.currentFiscalYear ?? '' })}
      state={state}
      extra={<Link to={paths.statisticsOverview}>{t('home.rates.dashboard')}</Link>}
    >
      {(data) => {
        if (!current) return <p className="home-empty">{t('home.rates.noData')}</p>;
        const r = current.report;
        return (
          <>
            <p className="home-intro">
              {t('home.rates.period', { from: formatDate(r.period.from), to: formatDate(r.period.to) })}
              {' · '}
              <Link to={formsHref(current.to, { cell: 'resolved' })}>
                {t('home.rates.resolvedOf', { resolved: formatCount(r.cases.resolved), total: formatCount(r.cases.to_enforce) })}
              </Link>
            </p>
            <div className="home-columns">
              {(['cases', 'money'] as const).map((kind) => (
                <RateColumn key={kind} kind={kind} year={current} forecast={data.forecast?.yearEnd[kind] ?? null} />
              ))}
            </div>
          </>
        );
      }}
    </HomeSection>
  );
}

function RateColumn({ kind, year, forecast }: { kind: 'cases' | 'money'; year: YearRow; forecast: number | null }) {
  const t = useT();
  const rate = year.report[kind].rate;
  const target = year.target?.[kind] ?? null;
  const excess = excessOf(rate, target);
  const excessText =
    excess === null ? undefined : excess >= 0 ? t('home.rates.excess', { value: formatRate(excess) }) : t('home.rates.short', { value: formatRate(-excess) });
  return (
    <div className="home-column" data-testid={`home-rate-${kind}`}>
      <h4 className="home-subtitle">{t(kind === 'cases' ? 'home.rates.cases' : 'home.rates.money')}</h4>
      <Figures>
        <Figure
          label={t('home.rates.rate')}
          value={formatRate(rate)}
          to={formsHref(year.to, { form: kind })}
          tone={excess === null ? undefined : excess >= 0 ? 'ok' : 'danger'}
          note={excessText}
        />
        <Figure
          label={t('home.rates.target')}
          value={target === null ? t('home.rates.noTarget') : formatRate(target)}
          note={year.targetOf ? t('home.rates.targetOf', { unit: year.targetOf.name }) : undefined}
        />
        <Figure label={t('home.rates.forecast')} value={forecast === null ? t('home.rates.noForecast') : formatRate(forecast)} to={paths.statisticsOverview} />
      </Figures>
    </div>
  );
}
