/**
 * A case's id is chosen by the office (interchange.md: "LA-CT-2016-0001") and appears in URLs, file names
 * of exports and documents. Letters, digits and `. _ / -`, 3–60 characters, starting with a letter or digit,
 * with no empty or dot-only path segment: `../../etc` or `a//b` would read as a path wherever the id is
 * joined into one.
 */
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,59}$/;

export function isValidCaseId(id: string): boolean {
  return CASE_ID.test(id) && id.split('/').every((seg) => seg !== '' && !/^\.+$/.test(seg));
}

export const CASE_ID_RULE_VI = 'Mã việc gồm 3–60 ký tự: chữ, số, dấu . _ / -, bắt đầu bằng chữ hoặc số, không có đoạn rỗng hay chỉ gồm dấu chấm (như "..").';
