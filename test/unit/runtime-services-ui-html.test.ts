import { describe, expect, it } from 'vitest';
import { createHtmlService } from '../../src/local/runtime/services/html';
import { createUi } from '../../src/local/runtime/services/ui';
import { instrument } from '../../src/local/runtime/context';
import { makeCtx } from './runtime-services-helpers';

const EVIL = '<img src=x onerror=alert(1)>';

function html(files: Record<string, string> = {}) {
  const { ctx, counter } = makeCtx();
  return { svc: createHtmlService(ctx, { readFile: (n) => files[n] ?? null }), ctx, counter };
}

describe('HtmlService templates', () => {
  it('escapes a printed value in HTML text', () => {
    const t = html().svc.createTemplate('<p><?= name ?></p>');
    t.name = EVIL;
    expect(t.evaluate().getContent()).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('escapes quotes in an attribute so the value cannot break out', () => {
    const t = html().svc.createTemplate(`<input value="<?= v ?>"><a title='<?= v ?>'>x</a>`);
    t.v = `"${EVIL}'`;
    const out = t.evaluate().getContent();
    expect(out).toBe('<input value="&quot;&lt;img src=x onerror=alert(1)&gt;&#39;"><a title=\'&quot;&lt;img src=x onerror=alert(1)&gt;&#39;\'>x</a>');
  });

  it('escapes whitespace in an unquoted attribute', () => {
    const t = html().svc.createTemplate('<div class=<?= v ?>>x</div>');
    t.v = 'a onmouseover=alert(1)';
    expect(t.evaluate().getContent()).toBe('<div class=a&#32;onmouseover&#61;alert(1)>x</div>');
  });

  it('prints a JS-safe literal inside <script>, also inside string literals', () => {
    const t = html().svc.createTemplate("<script>var d = <?= data ?>; var s = '<?= name ?>';</script><p><?= name ?></p>");
    t.data = { name: `</script>${EVIL}`, n: 3, line: 'a\u2028b' };
    t.name = `it's </script>`;
    const out = t.evaluate().getContent();
    expect(out).toBe(
      '<script>var d = {"name":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e","n":3,"line":"a\\u2028b"};' +
        " var s = 'it\\'s \\u003c/script\\u003e';</script><p>it&#39;s &lt;/script&gt;</p>",
    );
    // The printed literal evaluates back to the original data.
    const literal = /var d = (.*?);/.exec(out)![1]!;
    expect(JSON.parse(literal)).toEqual(t.data);
  });

  it('force-printing scriptlets do not escape, and code scriptlets loop', () => {
    const t = html().svc.createTemplate('<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><?!= raw ?>');
    t.items = ['a&b', 'c'];
    t.raw = '<b>trusted</b>';
    expect(t.evaluate().getContent()).toBe('<ul><li>a&amp;b</li><li>c</li></ul><b>trusted</b>');
    expect(t.getCode()).toContain('output._$ = (items[i]);');
  });

  it("reads files by name and throws Google's message for a missing one", () => {
    const { svc } = html({ About: '<h1>About</h1>', Page: '<p><?= who ?></p>' });
    expect(svc.createHtmlOutputFromFile('About').getContent()).toBe('<h1>About</h1>');
    expect(svc.createHtmlOutputFromFile('About.html').getContent()).toBe('<h1>About</h1>');
    const t = svc.createTemplateFromFile('Page');
    t.who = 'Li <Lei>';
    expect(t.evaluate().getContent()).toBe('<p>Li &lt;Lei&gt;</p>');
    expect(() => svc.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('HtmlOutput setters chain and append', () => {
    const { svc } = html();
    const o = svc.createHtmlOutput('<p>a</p>').setTitle('T').setWidth(300).setHeight(200).append('<p>b</p>');
    o.addMetaTag('viewport', 'width=device-width');
    expect([o.getContent(), o.getTitle(), o.getWidth(), o.getHeight()]).toEqual(['<p>a</p><p>b</p>', 'T', 300, 200]);
    expect(o.getMetaTags()[0]!.getName()).toBe('viewport');
  });

  it('template calls are counted through instrument()', () => {
    const { svc, counter } = html();
    const hs = instrument(counter, 'HtmlService', svc);
    const t = hs.createTemplate('<?= x ?>');
    t.x = 1;
    t.evaluate().setTitle('t');
    expect(counter.snapshot('HtmlService')).toEqual({
      'HtmlService.createTemplate': 1,
      'HtmlService.HtmlTemplate.evaluate': 1,
      'HtmlService.HtmlOutput.setTitle': 1,
    });
  });
});

describe('Ui', () => {
  it('alerts take answers from the queue and default to OK / CLOSE', () => {
    const { ctx } = makeCtx();
    const { ui, handle } = createUi(ctx);
    handle.queueResponse('NO', { button: 'OK', text: 'Zhang Wei' });
    expect(ui.alert('Delete?', 'Really delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const p = ui.prompt('Your name', ui.ButtonSet.OK_CANCEL);
    expect(p.getSelectedButton()).toBe(ui.Button.OK);
    expect(p.getResponseText()).toBe('Zhang Wei');
    // empty queue
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(ui.alert('Continue?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    expect(ui.prompt('Name?').getSelectedButton()).toBe(ui.Button.CLOSE);
    expect(handle.state.alerts.map((a) => [a.kind, a.title, a.prompt, a.answer])).toEqual([
      ['alert', 'Delete?', 'Really delete?', 'NO'],
      ['prompt', '', 'Your name', 'OK'],
      ['alert', '', 'Saved', 'OK'],
      ['alert', '', 'Continue?', 'CLOSE'],
      ['prompt', '', 'Name?', 'CLOSE'],
    ]);
  });

  it('a queued answer the dialog does not offer is a test error', () => {
    const { ctx } = makeCtx();
    const { ui, handle } = createUi(ctx);
    handle.queueResponse('YES');
    expect(() => ui.alert('Saved')).toThrow(/not one of OK/);
  });

  it('shows one sidebar or dialog at a time', () => {
    const { ctx } = makeCtx();
    const hs = createHtmlService(ctx, { readFile: () => null });
    const { ui, handle } = createUi(ctx);
    ui.showSidebar(hs.createHtmlOutput('<p>side</p>').setTitle('Customers'));
    expect(handle.state.surface).toMatchObject({ kind: 'sidebar', title: 'Customers', html: '<p>side</p>' });
    ui.showModalDialog(hs.createHtmlOutput('<p>dlg</p>').setWidth(400).setHeight(300), 'Import');
    expect(handle.state.surface).toMatchObject({ kind: 'modal', title: 'Import', html: '<p>dlg</p>', width: 400, height: 300 });
    expect(handle.state.surfaceHistory.map((s) => s.kind)).toEqual(['sidebar', 'modal']);
    handle.closeSurface();
    expect(handle.state.surface).toBeNull();
  });

  it('records menus with sub-menus and separators; re-adding replaces', () => {
    const { ctx } = makeCtx();
    const { ui, handle } = createUi(ctx, undefined, { addonName: 'Sales Desk' });
    const sub = ui.createMenu('Reports').addItem('Weekly', 'showWeekly');
    ui.createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem('Open', 'showSidebar').addSubMenu(sub).addToUi();
    expect(handle.state.menus).toHaveLength(1);
    expect(handle.menuItems()).toEqual([
      { path: ['Sales Desk', 'Open'], functionName: 'showSidebar' },
      { path: ['Sales Desk', 'Reports', 'Weekly'], functionName: 'showWeekly' },
    ]);
    handle.recordToast('Saved', 'Sales Desk', 3);
    expect(handle.state.toasts[0]).toMatchObject({ message: 'Saved', title: 'Sales Desk', timeoutSeconds: 3 });
  });
});
