/**
 * The callable surface of Sales Desk: every name exported here becomes a top-level
 * function in dist/Code.js (menu actions, triggers, sidebar APIs). callable.ts reads the
 * types off this list, so the menu, the pages' `call` and the tests' `rt.run` / `rt.rpc` are
 * checked against it. Anything a page can call declares what the page sends, and still checks
 * its arguments at run time as untrusted input (anyone who can edit the spreadsheet can call
 * it with anything). Names ending in `_` are private: no page can call them.
 */
export { onOpen, onInstall } from './menu';
export { showAbout, getAboutInfo } from './about';
export { setMyLanguage } from './locale';
export { setupWorkbook } from './setup';
export { rebuildSummaries } from './setup/summaries';
export { showCustomerForm, showEditSelectedCustomer, getCustomerForm, saveCustomer } from './customers';
export { whoAmI, setWhoIAm, getIdentityInfo, showIdentity } from './identity';
export { showObjectionForm, getObjectionFormData, searchObjectionCustomers, getObjectionPlaybook, saveObjection, overdueObjectionsFor } from './objections';
export { askLossReasonIfLost, showLossDialog, getLossDialogData, recordLossReason } from './loss';
export { showDealForm, getDealFormData, searchCustomersForDeal, saveDeal, refreshCustomerValues } from './deals';
export { openDeal, addDeal, editDeal } from './deals';
export { showImport, previewImport, runImport } from './import';
export { showFollowupForm, getFollowupFormData, searchFollowupCustomers, logFollowUp, scheduleFollowUp_ } from './followups';
export { showToday, getTodayView, snoozeFollowUp } from './today';
export { dispatch_ } from './dispatcher';
export { turnOnReminders, turnOffReminders } from './reminders';
export { showSpreadsheetCheck, runSpreadsheetCheck } from './check';
export { markDelivered, markDeliveredFromSelection } from './delivery';
export { replanAllCustomers } from './replan-all';
export { onEdit } from './grid-edit';
export {
  showComplaintForm,
  getComplaintFormData,
  getComplaint,
  searchComplaintCustomers,
  customerComplaints,
  getComplaintLessons,
  saveComplaint,
} from './complaints';
export { createSurveyForms } from './survey/forms';
export { showSendSurvey, getSendSurveyView } from './survey/sidebar';
export { startSurveySend, continueSurveySend } from './survey/send';
export { onSurveySubmit_ } from './survey/answers';
