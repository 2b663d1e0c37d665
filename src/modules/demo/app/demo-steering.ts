import { addCalendarDays } from '../../../kernel/calendar/index.js';
import type { Tx } from '../../../platform/db/database.js';
import { insertCommittee, insertMeeting, insertMembers, type MeetingKind, type MemberRole, type TaskStatus } from '../../steering/index.js';

// The demo office's steering committees (issue #14 item 5): the district committee of Châu Thành (Long An)
// that the Chi cục advised from 2015 until the district level ended on 30/06/2025, meeting for the
// six-month review in April and the year review in October; then the provincial committee of Tây Ninh
// (TTLT 05/2016 Art. 4; Decree 152/2026 Art. 103) to which Phòng THADS khu vực 3 reports. Names are
// fictitious; everything is deterministic (no clock, no randomness).

interface DemoMember { name: string; position: string; agency: string; role: MemberRole; validFrom: string; validTo: string | null }
interface DemoTask { text: string; ownerAgency: string; deadline: string; status: TaskStatus; doneOn: string | null }

const DISTRICT_FROM = '2015-01-01';
const DISTRICT_TO = '2025-06-30';
const PROVINCE_FROM = '2025-07-01';

const DISTRICT_MEMBERS: DemoMember[] = [
  { name: 'Trương Văn Lộc', position: 'Phó Chủ tịch UBND huyện', agency: 'UBND huyện Châu Thành', role: 'chair', validFrom: DISTRICT_FROM, validTo: '2020-06-30' },
  { name: 'Nguyễn Hữu Nghĩa', position: 'Phó Chủ tịch UBND huyện', agency: 'UBND huyện Châu Thành', role: 'chair', validFrom: '2020-07-01', validTo: DISTRICT_TO },
  { name: 'Lê Minh Tuấn', position: 'Chi cục trưởng Chi cục THADS huyện', agency: 'Chi cục Thi hành án dân sự huyện Châu Thành', role: 'standing', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Phạm Thị Thu Hà', position: 'Trưởng phòng Tư pháp', agency: 'Phòng Tư pháp huyện', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Võ Thanh Tâm', position: 'Trưởng phòng Tài chính - Kế hoạch', agency: 'Phòng Tài chính - Kế hoạch huyện', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Huỳnh Công Danh', position: 'Trưởng phòng Tài nguyên và Môi trường', agency: 'Phòng Tài nguyên và Môi trường huyện', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Đặng Quốc Bảo', position: 'Phó Trưởng Công an huyện', agency: 'Công an huyện Châu Thành', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Bùi Thị Mỹ Hạnh', position: 'Phó Viện trưởng', agency: 'Viện kiểm sát nhân dân huyện Châu Thành', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Dương Văn Khang', position: 'Phó Chánh án', agency: 'Tòa án nhân dân huyện Châu Thành', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
  { name: 'Ngô Thanh Sang', position: 'Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện', agency: 'Ủy ban MTTQ Việt Nam huyện Châu Thành', role: 'member', validFrom: DISTRICT_FROM, validTo: DISTRICT_TO },
];

const PROVINCE_MEMBERS: DemoMember[] = [
  { name: 'Phan Văn Thắng', position: 'Phó Chủ tịch UBND tỉnh', agency: 'UBND tỉnh Tây Ninh', role: 'chair', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Đặng Văn Hùng', position: 'Trưởng Thi hành án dân sự tỉnh', agency: 'Thi hành án dân sự tỉnh Tây Ninh', role: 'standing', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Lý Thị Ngọc Trang', position: 'Giám đốc Sở Tư pháp', agency: 'Sở Tư pháp tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Hồ Minh Trí', position: 'Phó Giám đốc Sở Tài chính', agency: 'Sở Tài chính tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Trần Quốc Hải', position: 'Phó Giám đốc Sở Nông nghiệp và Môi trường', agency: 'Sở Nông nghiệp và Môi trường tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Nguyễn Công Dũng', position: 'Phó Giám đốc Công an tỉnh', agency: 'Công an tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Võ Thị Kim Yến', position: 'Phó Viện trưởng', agency: 'Viện kiểm sát nhân dân tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Lê Hữu Phúc', position: 'Phó Chánh án', agency: 'Tòa án nhân dân tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
  { name: 'Trương Thị Diễm', position: 'Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh', agency: 'Ủy ban MTTQ Việt Nam tỉnh Tây Ninh', role: 'member', validFrom: PROVINCE_FROM, validTo: null },
];


/** The district committee's two meetings of a year: the six-month review in April, the year review in October. */
function districtMeetings(year: number): { heldOn: string; kind: MeetingKind; agenda: string; minutes: string; tasks: DemoTask[] }[] {
  const april = `${year}-04-${String(12 + (year % 5)).padStart(2, '0')}`;
  const october = `${year}-10-${String(14 + (year % 4)).padStart(2, '0')}`;
  // The last tasks of the committee before the reorganisation stayed open: overdue in the demo.
  const lastOpen = (deadline: string): Pick<DemoTask, 'status' | 'doneOn'> => (deadline >= '2024-10-01' ? { status: 'open', doneOn: null } : { status: 'done', doneOn: addCalendarDays(deadline, -5) });
  const out = [{
    heldOn: april, kind: 'review' as const,
    agenda: `Sơ kết công tác thi hành án dân sự 6 tháng đầu năm ${year}; rà soát các việc có điều kiện thi hành còn tồn đọng; bàn biện pháp phối hợp tổ chức cưỡng chế các việc lớn, phức tạp.`,
    minutes: `Chi cục trưởng Chi cục Thi hành án dân sự báo cáo kết quả 6 tháng đầu năm ${year} (từ ngày 01/10/${year - 1}). Các thành viên thống nhất đánh giá công tác phối hợp giữa các ngành được duy trì tốt; Tổ vận động các xã đã vận động được nhiều người phải thi hành án tự nguyện thi hành. Trưởng ban kết luận: giao các cơ quan thành viên tập trung xác minh điều kiện thi hành án và hỗ trợ tổ chức cưỡng chế theo kế hoạch.`,
    tasks: [
      { text: `Phối hợp xác minh tài sản, thu nhập của người phải thi hành án trong các việc có điều kiện thi hành còn tồn đọng từ năm ${year - 1} trở về trước.`, ownerAgency: 'Phòng Tài nguyên và Môi trường huyện', deadline: `${year}-06-30`, ...lastOpen(`${year}-06-30`) },
      { text: `Bố trí lực lượng bảo vệ cưỡng chế giao quyền sử dụng đất các việc lớn theo kế hoạch quý III/${year}.`, ownerAgency: 'Công an huyện Châu Thành', deadline: `${year}-09-15`, ...lastOpen(`${year}-09-15`) },
    ],
  }];
  if (year < 2025) {
    out.push({
      heldOn: october, kind: 'review' as const,
      agenda: `Tổng kết công tác thi hành án dân sự năm ${year} (năm công tác từ 01/10/${year - 1} đến 30/9/${year}); kết quả thực hiện chỉ tiêu được giao; phương hướng nhiệm vụ năm ${year + 1}.`,
      minutes: `Chi cục Thi hành án dân sự báo cáo kết quả thực hiện chỉ tiêu về việc và về tiền năm ${year}. Viện kiểm sát nhân dân huyện đề nghị tăng cường kiểm sát việc xác minh điều kiện thi hành án. Trưởng ban kết luận: biểu dương các Tổ vận động có thành tích; giao Phòng Tư pháp phối hợp tuyên truyền pháp luật về thi hành án dân sự; các xã, thị trấn tiếp tục hỗ trợ vận động.`,
      tasks: [
        { text: `Tuyên truyền, phổ biến pháp luật về thi hành án dân sự tại các xã, thị trấn trong quý I/${year + 1}.`, ownerAgency: 'Phòng Tư pháp huyện', deadline: `${year + 1}-03-31`, ...lastOpen(`${year + 1}-03-31`) },
        { text: `Hướng dẫn thủ tục và hỗ trợ xử lý tài sản bảo đảm trong các việc thi hành án liên quan đến tổ chức tín dụng.`, ownerAgency: 'Chi cục Thi hành án dân sự huyện Châu Thành', deadline: `${year}-12-31`, ...lastOpen(`${year}-12-31`) },
      ],
    });
  }
  return out;
}

const PROVINCE_MEETINGS: { heldOn: string; kind: MeetingKind; agenda: string; minutes: string; tasks: DemoTask[] }[] = [
  {
    heldOn: '2025-10-16', kind: 'review',
    agenda: 'Tổng kết công tác thi hành án dân sự năm 2025 sau khi sắp xếp tổ chức bộ máy; tiếp nhận hồ sơ thi hành án từ các Chi cục cũ; kế hoạch năm 2026.',
    minutes: 'Thi hành án dân sự tỉnh báo cáo việc tiếp nhận hồ sơ của các Chi cục Thi hành án dân sự cấp huyện (cũ) về các Phòng Thi hành án dân sự khu vực. Sở Nông nghiệp và Môi trường báo cáo tiến độ cập nhật thông tin đất đai phục vụ xác minh. Trưởng ban kết luận: giao các sở, ngành phối hợp bảo đảm không gián đoạn công tác thi hành án sau sắp xếp.',
    tasks: [
      { text: 'Hoàn thành việc bàn giao, tiếp nhận hồ sơ thi hành án của các Chi cục cũ và cập nhật vào phần mềm quản lý.', ownerAgency: 'Thi hành án dân sự tỉnh Tây Ninh', deadline: '2025-12-31', status: 'done', doneOn: '2025-12-19' },
      { text: 'Cung cấp thông tin đăng ký đất đai của người phải thi hành án theo yêu cầu của các Phòng Thi hành án dân sự khu vực trong 05 ngày làm việc.', ownerAgency: 'Sở Nông nghiệp và Môi trường tỉnh Tây Ninh', deadline: '2026-03-31', status: 'done', doneOn: '2026-03-20' },
    ],
  },
  {
    heldOn: '2026-04-15', kind: 'review',
    agenda: 'Sơ kết công tác thi hành án dân sự 6 tháng đầu năm 2026; chuẩn bị triển khai Luật Thi hành án dân sự năm 2025 (hiệu lực 01/7/2026) và Nghị định hướng dẫn.',
    minutes: 'Trưởng Thi hành án dân sự tỉnh báo cáo kết quả 6 tháng; tỷ lệ về việc và về tiền đạt khá so với cùng kỳ. Công an tỉnh cam kết bố trí lực lượng bảo vệ cưỡng chế kịp thời. Trưởng ban kết luận: giao Sở Tư pháp chủ trì tập huấn Luật mới; Công an tỉnh chỉ đạo công an cấp xã phối hợp xác minh.',
    tasks: [
      { text: 'Tổ chức tập huấn Luật Thi hành án dân sự năm 2025 cho cán bộ cấp xã và các Tổ vận động.', ownerAgency: 'Sở Tư pháp tỉnh Tây Ninh', deadline: '2026-06-30', status: 'done', doneOn: '2026-06-24' },
      { text: 'Chỉ đạo công an cấp xã phối hợp xác minh nơi cư trú của người phải thi hành án vắng mặt tại địa phương.', ownerAgency: 'Công an tỉnh Tây Ninh', deadline: '2026-09-30', status: 'open', doneOn: null },
    ],
  },
  {
    heldOn: '2026-07-22', kind: 'extraordinary',
    agenda: 'Phương án cưỡng chế giao quyền sử dụng đất trong việc thi hành án lớn, phức tạp tại xã Châu Thành (Phòng Thi hành án dân sự khu vực 3).',
    minutes: 'Phòng Thi hành án dân sự khu vực 3 báo cáo quá trình vận động không thành, người phải thi hành án không tự nguyện giao đất. Các thành viên thống nhất phương án cưỡng chế; Ủy ban MTTQ tỉnh đề nghị tiếp tục vận động trước ngày cưỡng chế. Trưởng ban kết luận: thông qua phương án, giao Công an tỉnh xây dựng kế hoạch bảo vệ.',
    tasks: [
      { text: 'Xây dựng kế hoạch bảo vệ cưỡng chế giao quyền sử dụng đất tại xã Châu Thành.', ownerAgency: 'Công an tỉnh Tây Ninh', deadline: '2026-08-31', status: 'done', doneOn: '2026-08-20' },
      { text: 'Tiếp tục vận động người phải thi hành án tự nguyện giao đất trước ngày cưỡng chế.', ownerAgency: 'Phòng Thi hành án dân sự khu vực 3 – Tây Ninh', deadline: '2026-12-15', status: 'open', doneOn: null },
    ],
  },
  {
    heldOn: '2026-10-15', kind: 'review',
    agenda: 'Tổng kết công tác thi hành án dân sự năm 2026; kết quả thực hiện các kết luận của Ban Chỉ đạo; nhiệm vụ năm 2027.',
    minutes: 'Thi hành án dân sự tỉnh báo cáo vượt chỉ tiêu về việc, chưa đạt chỉ tiêu về tiền do các việc giá trị lớn liên quan đến tổ chức tín dụng. Trưởng ban kết luận: giao các ngành tập trung giải quyết các việc tồn đọng giá trị lớn; rà soát, đôn đốc các nhiệm vụ còn quá hạn.',
    tasks: [
      { text: 'Rà soát, phân loại các việc tồn đọng giá trị lớn và đề xuất biện pháp giải quyết dứt điểm.', ownerAgency: 'Thi hành án dân sự tỉnh Tây Ninh', deadline: '2026-12-31', status: 'open', doneOn: null },
      { text: 'Bố trí kinh phí hỗ trợ hoạt động của Ban Chỉ đạo và các Tổ vận động năm 2027.', ownerAgency: 'Sở Tài chính tỉnh Tây Ninh', deadline: '2027-01-31', status: 'open', doneOn: null },
    ],
  },
];

async function loadCommittee(
  tx: Tx,
  c: { level: 'district' | 'province'; unitId: number; name: string; decision: { number: string; date: string; signer: string }; validFrom: string; validTo: string | null },
  members: DemoMember[],
  meetings: { heldOn: string; kind: MeetingKind; agenda: string; minutes: string; tasks: DemoTask[] }[],
): Promise<void> {
  const committeeId = await insertCommittee(tx, c);
  const ids = await insertMembers(tx, committeeId, members);
  for (const [n, m] of meetings.entries()) {
    const valid = members.map((x, i) => ({ ...x, id: ids[i]! })).filter((x) => x.validFrom <= m.heldOn && (x.validTo === null || m.heldOn <= x.validTo));
    await insertMeeting(tx, {
      committeeId, heldOn: m.heldOn, kind: m.kind, agenda: m.agenda, minutes: m.minutes, recordedBy: null,
      // One member (in turn, never the chair) sends written comments instead of attending (TTLT 05/2016 Art. 9(2)(b)).
      attendance: valid.map((x, i) => ({ memberId: x.id, present: i !== 2 + (n % (valid.length - 2)) })),
      tasks: m.tasks,
    });
  }
}

/** Inserts the demo steering committees (inside the demo organisation's transaction). */
export async function loadDemoSteering(tx: Tx, units: { district: number; province: number }): Promise<void> {
  const years = Array.from({ length: 2025 - 2015 + 1 }, (_, i) => 2015 + i);
  await loadCommittee(tx, {
    level: 'district', unitId: units.district, name: 'Ban Chỉ đạo thi hành án dân sự huyện Châu Thành',
    decision: { number: '125/QĐ-UBND', date: '2014-12-22', signer: 'Chủ tịch UBND huyện Châu Thành' }, validFrom: DISTRICT_FROM, validTo: DISTRICT_TO,
  }, DISTRICT_MEMBERS, years.flatMap(districtMeetings));
  await loadCommittee(tx, {
    level: 'province', unitId: units.province, name: 'Ban Chỉ đạo thi hành án dân sự tỉnh Tây Ninh',
    decision: { number: '1468/QĐ-UBND', date: '2025-07-01', signer: 'Chủ tịch UBND tỉnh Tây Ninh' }, validFrom: PROVINCE_FROM, validTo: null,
  }, PROVINCE_MEMBERS, PROVINCE_MEETINGS);
}
