import { describe, expect, it } from 'vitest';
import { createScriptApp, TOO_MANY_TRIGGERS } from '../../src/local/runtime/services/script-app';
import { makeCtx } from './runtime-services-helpers';

const ss = { getId: () => 'sheet-1' };

describe('ScriptApp triggers', () => {
  it("fires a daily trigger at its hour in the script time zone with Google's event object", () => {
    const { ctx, clock } = makeCtx({ email: 'ana@example.com', locale: 'en' }, 'Asia/Shanghai');
    // clock starts 2026-01-05 01:00 UTC = 09:00 Shanghai
    const { ScriptApp, control } = createScriptApp(ctx, undefined, { spreadsheetId: () => 'sheet-1' });
    const t = ScriptApp.newTrigger('dispatch').timeBased().everyDays(1).atHour(8).create();
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    clock.set(Date.UTC(2026, 0, 5, 23, 59, 59)); // 07:59:59 on the 6th in Shanghai
    expect(control.dueTimeTriggers(clock.nowMs())).toEqual([]);
    clock.advance(1000);
    const due = control.dueTimeTriggers(clock.nowMs());
    expect(due).toEqual([
      {
        uid: t.getUniqueId(),
        handler: 'dispatch',
        ownerEmail: 'ana@example.com',
        ownerKey: 'ana@example.com',
        ownerLocale: 'en',
        event: {
          authMode: 'FULL',
          triggerUid: t.getUniqueId(),
          year: 2026,
          month: 1,
          'day-of-month': 6,
          'day-of-week': 2,
          'week-of-year': 2,
          hour: 0,
          minute: 0,
          second: 0,
          timezone: 'UTC',
        },
      },
    ]);
    expect(control.dueTimeTriggers(clock.nowMs())).toEqual([]); // fires once
    clock.advance(3 * 24 * 3600_000); // missed days are not replayed
    expect(control.dueTimeTriggers(clock.nowMs())).toHaveLength(1);
  });

  it('hourly triggers fire every hour; add-ons cannot run more often than hourly', () => {
    const { ctx, clock } = makeCtx();
    const { ScriptApp, control } = createScriptApp(ctx);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(15).create()).toThrow(/more frequently than once per hour/);
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    clock.advance(3600_000 - 1);
    expect(control.dueTimeTriggers(clock.nowMs())).toHaveLength(0);
    clock.advance(1);
    expect(control.dueTimeTriggers(clock.nowMs()).map((d) => d.handler)).toEqual(['tick']);
  });

  it('enforces one trigger per type and 20 triggers per user; triggers belong to their owner', () => {
    const { ctx, setUser } = makeCtx();
    const { ScriptApp, control } = createScriptApp(ctx, undefined, { spreadsheetId: () => 'sheet-1' });
    ScriptApp.newTrigger('onSurvey').forSpreadsheet(ss).onFormSubmit().create();
    expect(() => ScriptApp.newTrigger('again').forSpreadsheet(ss).onFormSubmit().create()).toThrow(/one trigger of each type/);
    expect(() =>
      ScriptApp.newTrigger('x')
        .forSpreadsheet({ getId: () => 'other' })
        .onEdit()
        .create(),
    ).toThrow(/only create triggers for the file/);
    const plain = createScriptApp(ctx, undefined, { addonRules: false }).ScriptApp;
    for (let i = 0; i < 20; i++) plain.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => plain.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    setUser({ email: 'bo@example.com', locale: 'zh_CN' });
    expect(plain.getProjectTriggers()).toHaveLength(0);
    plain.newTrigger('mine').timeBased().everyHours(1).create();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    setUser({ email: 'ana@example.com', locale: 'en' });
    const [t] = ScriptApp.getUserTriggers(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    expect(t!.getHandlerFunction()).toBe('onSurvey');
    expect(control.triggersOfType('ON_FORM_SUBMIT', 'sheet-1').map((r) => r.handler)).toEqual(['onSurvey']);
    ScriptApp.deleteTrigger(t!);
    expect(control.triggersOfType('ON_FORM_SUBMIT')).toHaveLength(0);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL as never).getAuthorizationStatus()).toBe('NOT_REQUIRED');
  });

  it('builds the spreadsheet form-submit event', () => {
    const { ctx } = makeCtx();
    const { ScriptApp, control } = createScriptApp(ctx, undefined, { spreadsheetId: () => 'sheet-1' });
    ScriptApp.newTrigger('onSurvey').forSpreadsheet('sheet-1').onFormSubmit().create();
    const [rec] = control.triggersOfType('ON_FORM_SUBMIT', 'sheet-1');
    const ev = control.spreadsheetFormSubmitEvent(rec!, {
      headers: ['Timestamp', 'Score'],
      values: ['1/5/2026 9:00:00', '5'],
      range: 'R',
      source: 'S',
    });
    expect(ev).toEqual({
      authMode: 'FULL',
      namedValues: { Timestamp: ['1/5/2026 9:00:00'], Score: ['5'] },
      range: 'R',
      source: 'S',
      triggerUid: rec!.uid,
      values: ['1/5/2026 9:00:00', '5'],
    });
  });
});
