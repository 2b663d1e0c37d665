/**
 * The steering committee (Ban Chỉ đạo THADS): district committees before 01/07/2025, provincial ones
 * throughout; members, meetings with attendance, conclusions as tasks with follow-ups, and the office's
 * periodic report to the committee (.docx).
 */
export { SteeringService, type CommitteeDetail, type CommitteeView, type TaskView } from './app/steering.service.js';
export { type MobilisationFiguresSource } from './app/steering-report.js';
export { type MobilisationFigures } from './infra/steering-report-docx.js';
export { steeringRoutes } from './http/steering.routes.js';
export { insertCommittee, insertMeeting, insertMembers } from './infra/steering.repository.js';
export * from './domain/index.js';
