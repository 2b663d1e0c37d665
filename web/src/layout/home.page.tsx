import { Card, Descriptions, Typography } from 'antd';
import { useMe } from '../auth/session.context';
import { useT } from '../i18n/i18n.context';

export function HomePage() {
  const me = useMe();
  const t = useT();
  return (
    <section className="page">
      <Typography.Title level={2}>{t('home.greeting', { name: me.fullName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Card className="narrow-card">
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('home.activeUnit')}>{me.activeUnit.name}</Descriptions.Item>
          {me.unit.code !== me.activeUnit.code && (
            <Descriptions.Item label={t('home.homeUnit')}>{me.unit.name}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('home.role')}>{t(`role.${me.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
        </Descriptions>
      </Card>
    </section>
  );
}
