import { Link } from 'react-router';
import { listCampaigns } from '../mobilisation/campaigns.api';
import { useT } from '../../i18n/i18n.context';
import { formatDate } from '../../i18n/format';
import { paths } from '../../routes';
import { useAsync } from '../../util/use-async';
import { HomeSection } from './home-section';

/** The peak campaigns running over the unit, each with a link to its live leaderboard. */
export function CampaignsSection({ unit }: { unit: string }) {
  const t = useT();
  const state = useAsync(async () => (await listCampaigns(unit)).items.filter((c) => c.running), [unit]);
  return (
    <HomeSection testId="home-campaigns" title={t('home.campaigns.title')} state={state} extra={<Link to={paths.campaigns}>{t('home.seeAll')}</Link>}>
      {(running) =>
        running.length === 0 ? (
          <p className="home-empty">{t('home.campaigns.none')}</p>
        ) : (
          <ul className="home-list">
            {running.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>
                <span>{t('home.campaigns.period', { from: formatDate(c.from), to: formatDate(c.to) })}</span>
                <Link to={`${paths.campaigns}/${encodeURIComponent(c.id)}`}>{t('home.campaigns.leaderboard')}</Link>
              </li>
            ))}
          </ul>
        )
      }
    </HomeSection>
  );
}
