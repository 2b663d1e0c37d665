import { Alert, Button, Card, Skeleton } from 'antd';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.context';
import { formatCount } from '../../i18n/format';
import { errorMessage } from '../../util/error-message';
import type { AsyncState } from '../../util/use-async';

/**
 * One card of the home page. Each card loads its own figures: while they load it shows a skeleton, and a
 * failure shows its error with a retry inside the card, never a blank page.
 */
export function HomeSection<T>(props: {
  title: ReactNode;
  state: AsyncState<T>;
  extra?: ReactNode;
  children: (data: T) => ReactNode;
  testId: string;
}) {
  const t = useT();
  const headingId = useId();
  const { state } = props;
  return (
    <section aria-labelledby={headingId} className="home-section" data-testid={props.testId}>
      <Card title={<h3 id={headingId} className="home-section-title">{props.title}</h3>} extra={props.extra} className="home-card">
        {state.error !== null && state.error !== undefined ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(state.error, t)}
            action={
              <Button size="small" onClick={state.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : state.data === undefined ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          props.children(state.data)
        )}
      </Card>
    </section>
  );
}

/** A figure with its label; the number is a link to the list behind it. */
export function Figure(props: { label: ReactNode; value: number | string; to?: string | undefined; tone?: 'danger' | 'warning' | 'ok'; note?: ReactNode }) {
  const text = typeof props.value === 'number' ? formatCount(props.value) : props.value;
  const tone = props.tone ? ` home-figure-${props.tone}` : '';
  return (
    <div className="home-figure">
      <div className="home-figure-label">{props.label}</div>
      <div className={`home-figure-value${tone}`}>{props.to ? <Link to={props.to}>{text}</Link> : text}</div>
      {props.note ? <div className="home-figure-note">{props.note}</div> : null}
    </div>
  );
}

export function Figures({ children }: { children: ReactNode }) {
  return <div className="home-figures">{children}</div>;
}
