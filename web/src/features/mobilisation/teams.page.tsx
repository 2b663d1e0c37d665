import { Alert, Card, DatePicker, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../auth/session.context';
import { useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate, formatValidity, todayInOfficeZone } from '../../i18n/format';
import { isMessageKey } from '../../i18n/messages';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import { listTeams, type Team } from './mobilisation.api';
import './mobilisation.css';

function TeamCard({ team }: { team: Team }) {
  const t = useT();
  const organisation = (code: string) => {
    const key = `mob.org.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return (
    <Card
      className="team-card"
      title={<span className="team-card-title">{team.commune.name}</span>}
      extra={<Typography.Text type="secondary">{team.office}</Typography.Text>}
    >
      <Typography.Paragraph className="team-card-decision">
        {t('mob.teams.decision', { number: team.decision.number, date: formatDate(team.decision.date), signer: team.decision.signer })}
        <br />
        <Typography.Text type="secondary">{t('mob.teams.validity', { validity: formatValidity(team.validFrom, team.validTo, t('mob.teams.present')) })}</Typography.Text>
      </Typography.Paragraph>
      <List
        size="small"
        header={<strong>{t('mob.teams.members')}</strong>}
        locale={{ emptyText: t('mob.teams.noMembers') }}
        dataSource={team.members}
        renderItem={(m) => (
          <List.Item className="team-member">
            <Space direction="vertical" size={0}>
              <span>
                <strong>{m.name}</strong> {m.role !== 'member' && <Tag color={m.role === 'leader' ? 'blue' : 'geekblue'}>{t(`mob.role.${m.role}`)}</Tag>}
              </span>
              <Typography.Text type="secondary">{organisation(m.organisation)}</Typography.Text>
            </Space>
            {m.phone && (
              <a className="team-member-phone" href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}>
                {m.phone}
              </a>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The commune mobilisation teams of the working unit on a day: cards that read on a phone as on a desk. */
export function TeamsPage() {
  const t = useT();
  const me = useMe();
  const unit = me.activeUnit.code;
  const [date, setDate] = useState(todayInOfficeZone());
  const teams = useAsync(() => listTeams(unit, date), [unit, date]);
  return (
    <div className="page teams-page">
      <Typography.Title level={3}>{t('mob.teams.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mob.teams.intro')}</Typography.Paragraph>
      <Space wrap className="teams-filter">
        <label htmlFor="teams-date">{t('mob.teams.date')}</label>
        <DatePicker
          id="teams-date"
          format={DATE_INPUT_FORMAT}
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          className="teams-date"
        />
        {teams.data && <Typography.Text>{t('mob.teams.count', { count: teams.data.length })}</Typography.Text>}
      </Space>
      {teams.error ? <Alert type="error" showIcon message={errorMessage(teams.error, t)} /> : null}
      {teams.loading && !teams.data ? <Spin /> : null}
      {teams.data && teams.data.length === 0 ? <Empty description={t('mob.teams.none')} /> : null}
      <div className="teams-grid">
        {(teams.data ?? []).map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </div>
    </div>
  );
}
