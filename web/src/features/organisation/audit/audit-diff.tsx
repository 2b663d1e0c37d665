import { Typography } from 'antd';
import type { AuditEntry } from '../../../api/types';
import { useT } from '../../../i18n/i18n.context';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** Keys of before/after in a stable order, each marked when its value differs between the two. */
export function diffKeys(before: Json, after: Json): { key: string; changed: boolean }[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({ key, changed: show(before[key]) !== show(after[key]) }));
}

function Side({ title, value, rows }: { title: string; value: unknown; rows: { key: string; changed: boolean }[] | null }) {
  const t = useT();
  return (
    <div className="audit-side">
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary">{t('audit.empty')}</Typography.Paragraph>
      ) : rows && isObject(value) ? (
        <pre className="audit-json">
          {rows.map(({ key, changed }) => (
            <div key={key} className={changed ? 'audit-line audit-line-changed' : 'audit-line'}>
              {`${JSON.stringify(key)}: ${key in value ? show(value[key]) : '—'}`}
            </div>
          ))}
        </pre>
      ) : (
        <pre className="audit-json">{show(value)}</pre>
      )}
    </div>
  );
}

/** The expanded audit row: before and after side by side, changed keys highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { before, after } = entry;
  const hasData = (before !== null && before !== undefined) || (after !== null && after !== undefined);
  const rows =
    isObject(before) || isObject(after)
      ? diffKeys(isObject(before) ? before : {}, isObject(after) ? after : {})
      : null;
  return (
    <div className="audit-detail">
      {entry.userAgent && (
        <Typography.Paragraph type="secondary" className="audit-agent">
          {t('audit.userAgent')}: {entry.userAgent}
        </Typography.Paragraph>
      )}
      {hasData ? (
        <>
          <div className="audit-sides">
            <Side title={t('audit.before')} value={before} rows={rows} />
            <Side title={t('audit.after')} value={after} rows={rows} />
          </div>
          {rows?.some((r) => r.changed) && (
            <Typography.Text type="secondary" className="audit-legend">
              {t('audit.changedLegend')}
            </Typography.Text>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
    </div>
  );
}
