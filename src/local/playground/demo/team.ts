/** Settings tab: the team list (a manager and four reps). */
import { findColumns } from './columns';
import { label, type DemoContext, type DemoMember } from './context';
import { TEAM } from './names';
import { appendRowsAt } from './write';

export function fillTeam(ctx: DemoContext): DemoMember[] {
  const cols = findColumns(ctx.rt, 'settings');
  if (!cols) throw new Error('The Settings tab is missing: did setupWorkbook run?');
  const team: DemoMember[] = TEAM[ctx.lang].map((m) => ({ ...m }));
  // The team block shares rows with the settings block: write from row 2 down in its own columns.
  appendRowsAt(
    cols,
    2,
    team.map((m) => ({ team_name: m.name, team_email: m.email, team_role: label(ctx, 'role', m.role) })),
  );
  return team;
}
