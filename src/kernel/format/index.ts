/** Vietnamese display formats shared by the server and the web (numbers, money, 2-decimal rates). */
export { formatDecimal, formatHundredths, formatMoneyVnd, groupDigits } from './number.js';
