import { CopyOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { downloadNarrativeDocx, getNarrativeText, saveFile } from './statistics.api';
import { useLanguage, useT } from '../../i18n/i18n.context';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';

/** The narrative summary (báo cáo tổng kết) of a unit over fiscal years: the text, a copy button and a .docx. */
export function NarrativeModal({ unit, toYear: initialTo, onClose }: { unit: string; toYear: number; onClose: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const [fromYear, setFromYear] = useState(initialTo - 5);
  const [toYear, setToYear] = useState(initialTo);
  const [busy, setBusy] = useState(false);
  const valid = fromYear <= toYear;
  const text = useAsync(() => (valid ? getNarrativeText(unit, fromYear, toYear, language) : Promise.resolve('')), [unit, fromYear, toYear, language]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text.data ?? '');
      message.success(t('stat.narrative.copied'));
    } catch {
      message.error(t('stat.narrative.copyFailed'));
    }
  };

  const docx = async () => {
    setBusy(true);
    try {
      saveFile(await downloadNarrativeDocx(unit, fromYear, toYear, language));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('stat.narrative.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button icon={<CopyOutlined />} disabled={!text.data} onClick={() => void copy()}>
            {t('stat.narrative.copy')}
          </Button>
          <Button icon={<FileWordOutlined />} loading={busy} disabled={!valid} onClick={() => void docx()}>
            {t('stat.narrative.docx')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('stat.closeButton')}
          </Button>
        </Space>
      }
    >
      <Form layout="inline" className="stat-controls">
        <Form.Item label={t('stat.narrative.fromYear')} htmlFor="narrative-from">
          <InputNumber id="narrative-from" min={2000} max={2100} value={fromYear} onChange={(v) => v !== null && setFromYear(v)} />
        </Form.Item>
        <Form.Item label={t('stat.narrative.toYear')} htmlFor="narrative-to">
          <InputNumber id="narrative-to" min={2000} max={2100} value={toYear} onChange={(v) => v !== null && setToYear(v)} />
        </Form.Item>
      </Form>
      {!valid && <Alert className="form-alert" type="warning" showIcon title={t('stat.narrative.badRange')} />}
      {text.error !== null && <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(text.error, t)} />}
      {text.loading ? (
        <Spin className="page-spinner" />
      ) : (
        text.data && (
          <Typography.Paragraph className="stat-narrative" aria-label={t('stat.narrative.title')}>
            {text.data}
          </Typography.Paragraph>
        )
      )}
    </Modal>
  );
}
