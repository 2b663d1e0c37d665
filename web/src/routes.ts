// Addresses of the back-office pages (Vietnamese slugs, as users see them in the address bar).
export const paths = {
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  home: '/',
  cases: '/ho-so',
  statistics: '/thong-ke',
  mobilisation: '/van-dong',
  emulation: '/thi-dua',
  portal: '/cong-thong-tin',
  users: '/quan-tri/nguoi-dung',
  units: '/quan-tri/don-vi',
  audit: '/quan-tri/nhat-ky',
} as const;
