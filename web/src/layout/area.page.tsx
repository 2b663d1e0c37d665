import { ToolOutlined } from '@ant-design/icons';
import { Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.context';
import type { MessageKey } from '../i18n/messages';
import { paths } from '../routes';

/** An area of the product not built yet: its title, what it will hold, and no made-up data. */
export function AreaPage({ title, description }: { title: MessageKey; description: MessageKey }) {
  const t = useT();
  return (
    <section className="page">
      <Typography.Title level={2}>{t(title)}</Typography.Title>
      <Card>
        <Result
          icon={<ToolOutlined />}
          title={t('area.underConstruction')}
          subTitle={t(description)}
        />
      </Card>
    </section>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundText')}
      extra={<Link to={paths.home}>{t('error.backHome')}</Link>}
    />
  );
}
