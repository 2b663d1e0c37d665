// Addresses of the back-office pages (Vietnamese slugs, as users see them in the address bar).
export const paths = {
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  home: '/',
  cases: '/ho-so',
  myWork: '/ho-so/viec-cua-toi',
  caseList: '/ho-so/danh-sach',
  caseNew: '/ho-so/thu-ly-moi',
  statistics: '/thong-ke',
  statisticsOverview: '/thong-ke/tong-quan',
  statisticsForms: '/thong-ke/bieu-thong-ke',
  statisticsTargets: '/thong-ke/chi-tieu',
  statisticsClose: '/thong-ke/chot-so-lieu',
  mobilisation: '/van-dong',
  mobilisationCases: '/van-dong/viec-cua-to',
  mobilisationTeams: '/van-dong/to-van-dong',
  mobilisationResults: '/van-dong/ket-qua',
  campaigns: '/van-dong/dot-cao-diem',
  steering: '/van-dong/ban-chi-dao',
  emulation: '/thi-dua',
  portal: '/cong-thong-tin',
  users: '/quan-tri/nguoi-dung',
  units: '/quan-tri/don-vi',
  audit: '/quan-tri/nhat-ky',
} as const;

/** The detail page of a case; ids may contain "/" (imported cases), each segment is encoded. */
export function casePath(id: string): string {
  return `${paths.caseList}/${id.split('/').map(encodeURIComponent).join('/')}`;
}
