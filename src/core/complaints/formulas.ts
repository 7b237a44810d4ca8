/**
 * The live columns of the Complaints tab, next to the rules they are tested against
 * (rules.ts: firstResponseDue, resolutionDue, complaintTimes; repeatComplaintIds). Each is one
 * ARRAYFORMULA that reads its own row and a few named Settings, so a log of any length is that
 * many small evaluations. Nested IFs, not OR/AND: inside ARRAYFORMULA those two collapse the
 * whole column into one value.
 *
 * Severity is read by position in its list (`INDEX(SD_LIST_COMPLAINT_SEVERITY,1)` = Low), so
 * the formulas do not depend on the workbook's language; a value the team added counts as
 * medium, as severityKey does in the script.
 */
import { listIndex } from '../lists';

const SEV = (k: 'low' | 'medium' | 'high') => `INDEX(SD_LIST_COMPLAINT_SEVERITY,${listIndex('complaint_severity', k)})`;

/** received + first-response hours (wall clock, like addWallDays). */
export const FIRST_RESPONSE_DUE_FORMULA = 'ARRAYFORMULA(IF({complaint_id}="","",IF({received_at}="","",{received_at}+SD_COMPLAINT_FIRST_RESPONSE_HOURS/24)))';

/** received + the resolution days of the severity (blank or the team's own value: medium). */
export const RESOLUTION_DUE_FORMULA =
  `ARRAYFORMULA(IF({complaint_id}="","",IF({received_at}="","",{received_at}+` +
  `IF({severity}=${SEV('high')},SD_COMPLAINT_RESOLVE_HIGH_DAYS,IF({severity}=${SEV('low')},SD_COMPLAINT_RESOLVE_LOW_DAYS,SD_COMPLAINT_RESOLVE_MEDIUM_DAYS)))))`;

/** Nobody has answered, it is still open, and the first-response time has passed. */
export const RESPONSE_OVERDUE_FORMULA =
  'ARRAYFORMULA(IF({complaint_id}="","",IF({received_at}="",FALSE,IF({first_response_at}<>"",FALSE,IF({closed_at}<>"",FALSE,NOW()>{first_response_due})))))';

/** Still open after the resolution target. */
export const RESOLUTION_OVERDUE_FORMULA = 'ARRAYFORMULA(IF({complaint_id}="","",IF({received_at}="",FALSE,IF({closed_at}<>"",FALSE,NOW()>{resolution_due}))))';

/**
 * A repeat: the same customer's previous complaint (kept on the row by the script when a
 * complaint is logged: previous_received_at) lies at most SD_COMPLAINT_REPEAT_DAYS calendar days
 * earlier — the window stays live, the scan of the log happens once, at the save.
 */
export const REPEAT_FORMULA =
  'ARRAYFORMULA(IF({complaint_id}="","",IF({received_at}="",FALSE,IF({previous_received_at}="",FALSE,INT({received_at})-INT({previous_received_at})<=SD_COMPLAINT_REPEAT_DAYS))))';
