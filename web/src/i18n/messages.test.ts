import { CASE_STATUSES, EVENT_VI, STATUS_VI } from '@domain/cases';
import { ROLE_VI, ROLES } from '@domain/organisation';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';

// The web's Vietnamese labels of the server's codes are the server domain's (one copy); English has its own.

describe('labels of the server codes in the catalogue', () => {
  it.each(ROLES.map((role) => [role]))('role %s: the domain’s Vietnamese name, an English one', (role) => {
    expect(messages.vi[`role.${role}`]).toBe(ROLE_VI[role]);
    expect(messages.en[`role.${role}`]).toMatch(/\S/);
  });

  it.each(CASE_STATUSES.map((status) => [status]))('status %s: the domain’s Vietnamese label, an English one', (status) => {
    expect(messages.vi[`case.status.${status}`]).toBe(STATUS_VI[status]);
    expect(messages.en[`case.status.${status}`]).toMatch(/\S/);
  });

  it('events: the domain’s Vietnamese labels', () => {
    for (const [type, label] of Object.entries(EVENT_VI)) expect(messages.vi[`case.event.${type}` as keyof typeof messages.vi]).toBe(label);
  });
});
