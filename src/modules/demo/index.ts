/**
 * The demo office (Chi cục THADS huyện Châu Thành, Long An, 2010–2026): its organisation, users and the
 * generated cases whose fiscal years 2015–2020 reproduce the published rates exactly.
 */
export { DEMO_PASSWORD, DEMO_USERS, isEmpty, loadDemoOrganisation } from './app/demo-organisation.js';
export { demoDataInterrupted, loadDemoData } from './app/load-demo-data.js';
export { demoCommand } from './cli/demo.command.js';
