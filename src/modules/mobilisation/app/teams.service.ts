import { AppError } from '../../../kernel/errors.js';
import type { Db } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Actor, Reader, UnitDirectory } from '../../organisation/index.js';
import { canManageTeams, validateTeam, type MemberOrganisation, type TeamRole } from '../domain/index.js';
import { communeValidOn, insertTeam, teamsValidOn, type TeamRecord } from '../infra/teams.repository.js';

export interface NewTeamInput {
  office: string;
  commune: string;
  name?: string | undefined;
  decision: { number: string; date: string; signer: string };
  validFrom: string;
  validTo?: string | null | undefined;
  members: { name: string; organisation: MemberOrganisation; role: TeamRole; phone?: string | null | undefined; validFrom?: string | undefined; validTo?: string | null | undefined }[];
}

export interface TeamView extends Omit<TeamRecord, 'officeId'> {
  office: string;
}

const invalid = (details: { field: string; rule: string; message: string }[]) => new AppError('VALIDATION_FAILED', details);

/** The commune mobilisation teams of the offices (mobilisation issue, item 1). */
export class TeamsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
  ) {}

  /**
   * The teams of a unit valid on `date`, with the members valid that day: an office's own, those of the
   * units it succeeds (the history of a merged office stays readable from its successor), every office
   * below a province.
   */
  async list(reader: Reader, unitCode: string, date: string): Promise<TeamView[]> {
    const unit = await this.units.visibleTo(reader, unitCode);
    const scope = await this.units.scopeOf(unit.id);
    const offices = (await this.units.coversAll(scope)) ? null : [...scope];
    const codes = new Map((await this.units.all()).map((u) => [u.id, u.code]));
    return (await teamsValidOn(this.db, offices, date)).map(({ officeId, ...t }) => ({ ...t, office: codes.get(officeId) ?? String(officeId) }));
  }

  /** Records a team established by a decision, with its members; audited in the same transaction. */
  async create(actor: Actor, input: NewTeamInput): Promise<TeamView> {
    if (!canManageTeams(actor.role)) {
      throw new AppError('FORBIDDEN', [{ field: 'office', rule: 'manage_teams', message: 'Chỉ lãnh đạo cơ quan thi hành án ghi nhận việc thành lập tổ vận động.' }]);
    }
    const office = await this.units.visibleTo(actor, input.office);
    if (office.level !== 'office') throw invalid([{ field: 'office', rule: 'office_level', message: 'Tổ vận động thuộc một cơ quan thi hành án cấp khu vực/huyện.' }]);
    const validTo = input.validTo ?? null;
    const problems: { field: string; rule: string; message: string }[] = [];
    if (office.validFrom > input.validFrom || (office.validTo !== null && (validTo === null || validTo > office.validTo))) {
      problems.push({ field: 'validFrom', rule: 'office_not_valid', message: `Thời gian hoạt động của tổ phải nằm trong thời gian hoạt động của ${office.name}.` });
    }
    if (input.decision.date > input.validFrom) problems.push({ field: 'decision.date', rule: 'decision_after_start', message: 'Ngày quyết định thành lập sau ngày tổ bắt đầu hoạt động.' });
    const commune = await communeValidOn(this.db, input.commune, input.validFrom);
    const scope = await this.units.scopeOf(office.id);
    const members = input.members.map((m) => ({ ...m, phone: m.phone ?? null, validFrom: m.validFrom ?? input.validFrom, validTo: m.validTo ?? null }));
    problems.push(...validateTeam(
      { validFrom: input.validFrom, validTo, members: members.map((m, i) => ({ id: String(i), name: m.name, organisation: m.organisation, role: m.role, validFrom: m.validFrom, validTo: m.validTo })) },
      commune ? { officeInArea: commune.office_id !== null && scope.has(commune.office_id), validFrom: commune.valid_from, validTo: commune.valid_to } : null,
    ));
    if (members.filter((m) => m.role === 'leader').length !== 1) problems.push({ field: 'members', rule: 'one_leader', message: 'Tổ vận động có đúng một tổ trưởng.' });
    if (problems.length) throw invalid(problems);
    const name = input.name?.trim() || `Tổ vận động thi hành án dân sự ${commune!.name}`;
    const id = await this.db.transaction().execute(async (tx) => {
      const teamId = await insertTeam(tx, {
        officeId: office.id, communeId: commune!.id, name, decision: input.decision, validFrom: input.validFrom, validTo,
        members: members.map((m) => ({ name: m.name, organisation: m.organisation, role: m.role, phone: m.phone, validFrom: m.validFrom, validTo: m.validTo, userId: null })),
      });
      await appendAudit(tx, actor.ctx, {
        action: 'mobilisation.team_created', entityType: 'mobilisation_team', entityId: teamId, unitId: office.id,
        after: { name, office: office.code, commune: input.commune, decision: input.decision, validFrom: input.validFrom, validTo, members: members.map((m) => ({ name: m.name, organisation: m.organisation, role: m.role })) },
      });
      return teamId;
    });
    const created = (await teamsValidOn(this.db, [office.id], input.validFrom)).find((t) => t.id === id)!;
    const { officeId: _officeId, ...view } = created;
    return { ...view, office: office.code };
  }
}
