/** The pure part of the steering module's face: levels by date, the checks on its records, task states. */
export * from './steering-types.js';
export {
  type MeetingDraft, type SteeringRuleError, DISTRICT_COMMITTEES_END, committeeLevelFor, daysOverdue, levelsExistingOn, taskState,
  validateCommittee, validateFollowup, validateMeeting, validateMember, validateTaskStatus,
} from './steering-rules.js';
