/**
 * Official report exports: the case and money forms as .xlsx and .pdf, the narrative summary as .docx
 * (its text is built by the pure domain, src/modules/statistics/domain/narrative.ts).
 */
export {
  type FormKind, type ReportRow, type OfficialFormsInput, type HeaderCell, type ColumnKey, type FormLayout, type FormRow,
  type PreparedForm, type PreparedReport, formLayout, prepareReport, dateLineVi, periodLineVi, moneyResolvedVi, postponementGroundsVi,
} from './official-forms.js';
export { SHEET_NAMES, INTEGER_FORMAT, RATE_FORMAT, buildExcelReport } from './excel-report.js';
export { pdfDefinition, buildPdfReport } from './pdf-report.js';
export { type NarrativeDocxInput, buildNarrativeDocx } from './docx-narrative.js';
export { FONT_FAMILY, fontsDir } from './fonts.js';
