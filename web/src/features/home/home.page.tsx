import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCan, useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { formatDate, todayInOfficeZone } from '../../i18n/format';
import { useAsync } from '../../util/use-async';
import { getDeadlineSummary } from './home.api';
import { AwaitingSection } from './awaiting.section';
import { ByEnforcerSection } from './by-enforcer.section';
import { CampaignsSection } from './campaigns.section';
import { MyDeadlinesSection } from './my-deadlines.section';
import { OfficesRankedSection } from './offices-ranked.section';
import { PromisesSection } from './promises.section';
import { RatesSection } from './rates.section';
import { TeamCasesSection } from './team-cases.section';
import { TeamResultsSection } from './team-results.section';
import { WaitingSection } from './waiting.section';
import './home.css';

/**
 * The home page is the day's work of the signed-in person: an enforcer's deadlines, promises and cases
 * waiting; a head's rates against the targets, overdue steps by enforcer and what awaits a decision; a
 * province's offices ranked; a team member's cases and visits. Each section loads on its own.
 */
export function HomePage() {
  const me = useMe();
  const t = useT();
  return (
    <section className="page home-page">
      <Typography.Title level={2}>{t('home.greeting', { name: me.fullName })}</Typography.Title>
      <Typography.Paragraph type="secondary" className="home-context">
        {t('home.context', { role: t(`role.${me.role}`), unit: me.activeUnit.name, today: formatDate(todayInOfficeZone()) })}
        {me.unit.code !== me.activeUnit.code && <span className="home-home-unit">{t('home.homeUnit', { unit: me.unit.name })}</span>}
      </Typography.Paragraph>
      {me.role === 'enforcer' ? <EnforcerHome /> : me.role === 'mobilisation_member' ? <MemberHome unit={me.activeUnit.code} /> : <UnitHome />}
    </section>
  );
}

function Grid({ children }: { children: ReactNode }) {
  return <div className="home-grid">{children}</div>;
}

function EnforcerHome() {
  const can = useCan();
  const summary = useAsync(() => getDeadlineSummary({ mine: true }), []);
  return (
    <Grid>
      <MyDeadlinesSection />
      <WaitingSection summary={summary} />
      {can('mobilisation.read') && <PromisesSection />}
    </Grid>
  );
}

function MemberHome({ unit }: { unit: string }) {
  return (
    <Grid>
      <TeamCasesSection />
      <TeamResultsSection unit={unit} />
      <CampaignsSection unit={unit} />
    </Grid>
  );
}

/** Heads, inspectors, clerks and administrators: the working unit's figures; actions only for those who act. */
function UnitHome() {
  const me = useMe();
  const can = useCan();
  const t = useT();
  const unit = me.activeUnit.code;
  const level = me.activeUnit.level;
  const office = level === 'office';
  const showDeadlines = office && can('cases.read');
  const canAct = can('cases.assign') || can('statistics.close');
  // every role here reads cases (cases.read); the counts serve both the table by enforcer and what awaits
  const summary = useAsync(() => getDeadlineSummary({ mine: false }), [unit]);
  const sections = [
    can('statistics.read') && <RatesSection key="rates" unit={unit} />,
    can('statistics.read') && !office && <OfficesRankedSection key="offices" unit={unit} by={level === 'national' ? 'province' : 'office'} />,
    showDeadlines && <ByEnforcerSection key="by-enforcer" summary={summary} />,
    canAct && <AwaitingSection key="awaiting" unit={unit} canClose={can('statistics.close') && level !== 'national'} summary={summary} />,
  ].filter(Boolean);
  if (sections.length === 0) return <Typography.Paragraph>{t('home.noSection')}</Typography.Paragraph>;
  return <Grid>{sections}</Grid>;
}
