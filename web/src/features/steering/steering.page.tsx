import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan, useMe } from '../../auth/session.context';
import { useLanguage, useT } from '../../i18n/i18n.context';
import { DATE_INPUT_FORMAT, formatDate, formatValidity, todayInOfficeZone } from '../../i18n/format';
import { errorMessage } from '../../util/error-message';
import { useAsync } from '../../util/use-async';
import {
  addFollowup, committeesInForce, downloadReport, getCommittee, recordMeeting, setTaskStatus,
  type CommitteeDetail, type CommitteeMember, type Meeting, type MeetingKind, type SteeringTask, type TaskState,
} from './steering.api';
import './steering.css';

const STATE_COLOR: Record<TaskState, string> = { open: 'blue', overdue: 'red', done: 'green', cancelled: 'default' };
const KINDS: readonly MeetingKind[] = ['periodic', 'review', 'extraordinary'];
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

function MembersTable({ members, date }: { members: CommitteeMember[]; date: string }) {
  const t = useT();
  const current = members.filter((m) => m.validFrom <= date && (m.validTo === null || date <= m.validTo));
  return (
    <Table<CommitteeMember>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={current}
      columns={[
        {
          title: t('steering.member.name'),
          key: 'name',
          render: (_, m) => (
            <Space direction="vertical" size={0}>
              <strong>{m.name}</strong>
              <Typography.Text type="secondary">{m.position} – {m.agency}</Typography.Text>
            </Space>
          ),
        },
        { title: t('steering.member.role'), key: 'role', width: 120, render: (_, m) => <Tag className="steering-tag" color={m.role === 'member' ? 'default' : 'blue'}>{t(`steering.role.${m.role}`)}</Tag> },
      ]}
    />
  );
}

function MeetingDetail({ meeting, members }: { meeting: Meeting; members: CommitteeMember[] }) {
  const t = useT();
  const name = new Map(members.map((m) => [m.id, m.name]));
  return (
    <div className="steering-meeting">
      <Typography.Paragraph><strong>{t('steering.meeting.agenda')}:</strong> {meeting.agenda}</Typography.Paragraph>
      {meeting.minutes && <Typography.Paragraph><strong>{t('steering.meeting.minutes')}:</strong> {meeting.minutes}</Typography.Paragraph>}
      <strong>{t('steering.meeting.attendance')}:</strong>
      <div className="steering-attendance">
        {meeting.attendance.map((a) => (
          <Tag key={a.memberId} className="steering-tag" color={a.present ? 'green' : 'default'}>
            {name.get(a.memberId) ?? a.memberId} · {t(a.present ? 'steering.meeting.present' : 'steering.meeting.absent')}
          </Tag>
        ))}
      </div>
    </div>
  );
}

function TaskItem({ task, canFollow, canManage, onChanged }: { task: SteeringTask; canFollow: boolean; canManage: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ on: Dayjs; note: string }>();
  const [busy, setBusy] = useState(false);
  const follow = async (v: { on: Dayjs; note: string }) => {
    setBusy(true);
    try {
      await addFollowup(task.id, { on: iso(v.on), note: v.note });
      message.success(t('steering.followup.added'));
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const markDone = async () => {
    try {
      await setTaskStatus(task.id, { status: 'done', doneOn: todayInOfficeZone() });
      message.success(t('steering.task.updated'));
      onChanged();
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };
  const open = task.state === 'open' || task.state === 'overdue';
  return (
    <List.Item className="steering-task">
      <Space direction="vertical" size={4} className="steering-task-body">
        <span>
          <Tag className="steering-tag" color={STATE_COLOR[task.state]}>{t(`steering.state.${task.state}`)}</Tag>
          {task.state === 'overdue' && <Typography.Text type="danger">{t('steering.task.daysOverdue', { days: task.daysOverdue })}</Typography.Text>}
        </span>
        <span>{task.text}</span>
        <Typography.Text type="secondary">
          {t('steering.task.ownerDeadline', { owner: task.ownerAgency, deadline: formatDate(task.deadline) })}
          {task.doneOn ? ` · ${t('steering.task.doneOn', { date: formatDate(task.doneOn) })}` : ''}
        </Typography.Text>
        {task.followups.length > 0 && (
          <ul className="steering-followups">
            {task.followups.map((f) => (
              <li key={f.id}>{formatDate(f.on)}: {f.note}{f.by ? ` (${f.by})` : ''}</li>
            ))}
          </ul>
        )}
        {open && canFollow && (
          <Form form={form} name={`followup-${task.id}`} layout="inline" className="steering-followup-form" onFinish={(v) => void follow(v)} initialValues={{ on: dayjs(todayInOfficeZone()) }}>
            <Form.Item name="on" rules={[{ required: true, message: t('steering.required') }]}>
              <DatePicker format={DATE_INPUT_FORMAT} allowClear={false} aria-label={t('steering.followup.on')} />
            </Form.Item>
            <Form.Item name="note" className="steering-followup-note" rules={[{ required: true, whitespace: true, message: t('steering.required') }]}>
              <Input placeholder={t('steering.followup.note')} aria-label={t('steering.followup.note')} maxLength={4000} />
            </Form.Item>
            <Button htmlType="submit" loading={busy} className="touch-button">{t('steering.followup.add')}</Button>
            {canManage && <Button onClick={() => void markDone()} className="touch-button">{t('steering.task.markDone')}</Button>}
          </Form>
        )}
      </Space>
    </List.Item>
  );
}

interface MeetingFormValues {
  heldOn: Dayjs;
  kind: MeetingKind;
  agenda: string;
  minutes?: string;
  present: string[];
  tasks?: { text: string; ownerAgency: string; deadline: Dayjs }[];
}

function RecordMeeting({ detail, onDone }: { detail: CommitteeDetail; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MeetingFormValues>();
  const heldOn = Form.useWatch('heldOn', form);
  const day = heldOn ? iso(heldOn) : todayInOfficeZone();
  const members = detail.members.filter((m) => m.validFrom <= day && (m.validTo === null || day <= m.validTo));
  const submit = async (v: MeetingFormValues) => {
    setBusy(true);
    try {
      await recordMeeting(detail.committee.id, {
        heldOn: iso(v.heldOn), kind: v.kind, agenda: v.agenda, minutes: v.minutes ?? null,
        attendance: members.map((m) => ({ memberId: m.id, present: v.present.includes(m.id) })),
        tasks: (v.tasks ?? []).map((x) => ({ text: x.text, ownerAgency: x.ownerAgency, deadline: iso(x.deadline) })),
      });
      message.success(t('steering.meeting.recorded'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} className="touch-button">{t('steering.meeting.record')}</Button>
      <Modal
        open={open}
        title={t('steering.meeting.record')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('steering.save')}
        cancelText={t('steering.cancel')}
        confirmLoading={busy}
        width={640}
        destroyOnHidden
      >
        <Form<MeetingFormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ heldOn: dayjs(todayInOfficeZone()), kind: 'periodic', present: detail.members.map((m) => m.id), tasks: [] }}
        >
          <Form.Item name="heldOn" label={t('steering.meeting.heldOn')} rules={[{ required: true, message: t('steering.required') }]}>
            <DatePicker format={DATE_INPUT_FORMAT} allowClear={false} />
          </Form.Item>
          <Form.Item name="kind" label={t('steering.meeting.kind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`steering.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="agenda" label={t('steering.meeting.agenda')} rules={[{ required: true, whitespace: true, message: t('steering.required') }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="minutes" label={t('steering.meeting.minutes')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
          <Form.Item name="present" label={t('steering.meeting.attendance')} extra={t('steering.meeting.attendanceHint')}>
            <Checkbox.Group className="steering-present" options={members.map((m) => ({ value: m.id, label: `${m.name} (${t(`steering.role.${m.role}`)})` }))} />
          </Form.Item>
          <Typography.Text strong>{t('steering.meeting.conclusions')}</Typography.Text>
          <Form.List name="tasks">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card key={f.key} size="small" className="steering-conclusion" extra={<Button type="link" onClick={() => remove(f.name)}>{t('steering.cancel')}</Button>}>
                    <Form.Item name={[f.name, 'text']} label={t('steering.task.text')} rules={[{ required: true, whitespace: true, message: t('steering.required') }]}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ownerAgency']} label={t('steering.task.owner')} rules={[{ required: true, whitespace: true, message: t('steering.required') }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} label={t('steering.task.deadline')} rules={[{ required: true, message: t('steering.required') }]}>
                      <DatePicker format={DATE_INPUT_FORMAT} />
                    </Form.Item>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block className="touch-button">{t('steering.meeting.addConclusion')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

function CommitteePanel({ id, date, unit }: { id: string; date: string; unit: string }) {
  const t = useT();
  const can = useCan();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const detail = useAsync(() => getCommittee(id), [id]);
  const [downloading, setDownloading] = useState(false);
  if (detail.error) return <Alert type="error" showIcon message={errorMessage(detail.error, t)} />;
  if (!detail.data) return <Spin />;
  const d = detail.data;
  const c = d.committee;
  const download = async () => {
    setDownloading(true);
    try {
      await downloadReport(unit, date, language);
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" className="steering-panel">
      <Card title={<span className="steering-card-title">{c.name}</span>} extra={<Tag className="steering-tag">{t(`steering.level.${c.level}`)}</Tag>}>
        <Typography.Paragraph>
          {t('steering.decision', { number: c.decision.number, date: formatDate(c.decision.date), signer: c.decision.signer })}
          <br />
          <Typography.Text type="secondary">{t('steering.validity', { validity: formatValidity(c.validFrom, c.validTo, t('steering.present')) })}</Typography.Text>
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} className="touch-button steering-wrap-button">
            {t('steering.download')}
          </Button>
          {d.canManage && <RecordMeeting detail={d} onDone={detail.reload} />}
        </Space>
      </Card>
      <Card title={t('steering.members')}>
        <MembersTable members={d.members} date={date} />
      </Card>
      <Card title={t('steering.tasks')}>
        <List
          locale={{ emptyText: t('steering.tasks.none') }}
          dataSource={d.tasks}
          renderItem={(task) => <TaskItem task={task} canFollow={can('steering.manage')} canManage={d.canManage} onChanged={detail.reload} />}
        />
      </Card>
      <Card title={t('steering.meetings')}>
        <Table<Meeting>
          size="small"
          rowKey="id"
          dataSource={d.meetings}
          locale={{ emptyText: t('steering.meeting.none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (m) => <MeetingDetail meeting={m} members={d.members} /> }}
          columns={[
            { title: t('steering.meeting.heldOn'), key: 'heldOn', width: 110, render: (_, m) => formatDate(m.heldOn) },
            { title: t('steering.meeting.kind'), key: 'kind', render: (_, m) => t(`steering.kind.${m.kind}`) },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The steering committee in force for the working unit: members, meetings, tasks, the report to it. */
export function SteeringPage() {
  const t = useT();
  const me = useMe();
  const unit = me.activeUnit.code;
  const [date, setDate] = useState(todayInOfficeZone());
  const committees = useAsync(() => committeesInForce(unit, date), [unit, date]);
  return (
    <div className="page steering-page">
      <Typography.Title level={3}>{t('steering.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('steering.intro')}</Typography.Paragraph>
      <Space wrap className="steering-filter">
        <label htmlFor="steering-date">{t('steering.date')}</label>
        <DatePicker id="steering-date" format={DATE_INPUT_FORMAT} allowClear={false} value={dayjs(date)} onChange={(d) => d && setDate(iso(d))} />
      </Space>
      {committees.error ? <Alert type="error" showIcon message={errorMessage(committees.error, t)} /> : null}
      {committees.loading && !committees.data ? <Spin /> : null}
      {committees.data && committees.data.length === 0 ? <Empty description={t('steering.none')} /> : null}
      {committees.data?.map((c) => <CommitteePanel key={c.id} id={c.id} date={date} unit={unit} />)}
    </div>
  );
}
