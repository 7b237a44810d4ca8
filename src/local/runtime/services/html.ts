/**
 * HtmlService: HtmlOutput, HtmlTemplate and the template compiler with contextual escaping.
 *
 * Template syntax (https://developers.google.com/apps-script/guides/html/templates):
 *  - `<? code ?>` standard scriptlets run code without output;
 *  - `<?= expr ?>` printing scriptlets write `expr` "using contextual escaping": Apps Script
 *    "keeps track of the output's context on the page — inside an HTML attribute, inside a
 *    client-side script tag, or anywhere else — and automatically adds escape characters";
 *  - `<?!= expr ?>` force-printing scriptlets write `expr` as is (trusted includes only).
 *
 * Our context model (a small HTML tokenizer run over the static text before each scriptlet):
 *  - HTML text, RCDATA (`<title>`, `<textarea>`), comments, `<style>` and attribute values: the
 *    five HTML-significant characters `& < > " '` become entities;
 *  - an unquoted attribute value additionally escapes whitespace, `=` and backtick;
 *  - inside `<script>` outside a string literal: a JSON literal (strings quoted, objects and arrays
 *    as JSON) with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` so no value can close the
 *    script element or break the JS parser;
 *  - inside `<script>` inside a '…', "…" or `…` literal: the string's characters, JS-escaped the
 *    same way (no added quotes).
 * `null`/`undefined` print as '' in HTML contexts and as `null`/`undefined` inside scripts.
 *
 * Template code runs in a Node `vm` context: the script's own global context when the runtime
 * gives one (so `<?!= include('Styles') ?>` calls the script's `include`), otherwise a fresh one.
 * The template's assigned properties are in scope as variables (a `with` block, as Apps Script
 * exposes them).
 */
import vm from 'node:vm';
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { gasError, makeEnum } from './common';

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

export class HtmlOutputMetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  readonly [COUNTED] = 'HtmlOutputMetaTag';
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}
  getName(): string {
    return this.name;
  }
  getContent(): string {
    return this.content;
  }
}

export class HtmlOutput
  implements
    Pick<
      GasHtmlOutput,
      | 'addMetaTag'
      | 'append'
      | 'appendUntrusted'
      | 'asTemplate'
      | 'clear'
      | 'getContent'
      | 'getFaviconUrl'
      | 'getHeight'
      | 'getMetaTags'
      | 'getTitle'
      | 'getWidth'
      | 'setContent'
      | 'setFaviconUrl'
      | 'setHeight'
      | 'setSandboxMode'
      | 'setTitle'
      | 'setWidth'
      | 'setXFrameOptionsMode'
    >
{
  readonly [COUNTED] = 'HtmlOutput';
  private content: string;
  private title = '';
  /** null = not set (the host's default size). */
  private width: number | null = null;
  private height: number | null = null;
  private faviconUrl = '';
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private readonly metaTags: HtmlOutputMetaTag[] = [];

  constructor(
    content: string,
    private readonly service: HtmlServiceImpl,
  ) {
    this.content = content;
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): GasHtmlOutput {
    this.content = String(content);
    return this.self();
  }
  append(addedContent: string): GasHtmlOutput {
    this.content += String(addedContent);
    return this.self();
  }
  /** "Appends new content … using contextual escaping" — we escape as HTML text. */
  appendUntrusted(addedContent: string): GasHtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this.self();
  }
  clear(): GasHtmlOutput {
    this.content = '';
    return this.self();
  }
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return this.service.createTemplate(this.content);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GasHtmlOutput {
    this.title = String(title);
    return this.self();
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setWidth(width: number): GasHtmlOutput {
    this.width = checkSize(width, 'width');
    return this.self();
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setHeight(height: number): GasHtmlOutput {
    this.height = checkSize(height, 'height');
    return this.self();
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  setFaviconUrl(iconUrl: string): GasHtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this.self();
  }
  /** Since 2016 every mode is served as IFRAME; the value is kept only for inspection. */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GasHtmlOutput {
    this.sandboxMode = String(mode);
    return this.self();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GasHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this.self();
  }
  addMetaTag(name: string, content: string): GasHtmlOutput {
    this.metaTags.push(new HtmlOutputMetaTag(String(name), String(content)));
    return this.self();
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return [...this.metaTags];
  }

  /** Runtime-only: what the host needs to show this output (Ui records it). */
  describe(): HtmlOutputSnapshot {
    return {
      content: this.content,
      title: this.title,
      width: this.width,
      height: this.height,
      sandboxMode: this.sandboxMode,
      xFrameOptionsMode: this.xFrameOptionsMode,
      metaTags: this.metaTags.map((m) => ({ name: m.getName(), content: m.getContent() })),
    };
  }

  private self(): GasHtmlOutput {
    return this as unknown as GasHtmlOutput;
  }
}

export interface HtmlOutputSnapshot {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
}

function checkSize(n: number, what: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw gasError(`Invalid argument: ${what}`);
  return Math.round(n);
}

/** Reads what a value looks like to the Ui: an HtmlOutput of ours, or any object with getContent(). */
export function snapshotOf(output: unknown): HtmlOutputSnapshot {
  if (output instanceof HtmlOutput) return output.describe();
  const o = output as Partial<GasHtmlOutput> | null;
  if (!o || typeof o.getContent !== 'function') throw gasError('Invalid argument: userInterface');
  return {
    content: o.getContent(),
    title: typeof o.getTitle === 'function' ? o.getTitle() : '',
    width: typeof o.getWidth === 'function' ? o.getWidth() || null : null,
    height: typeof o.getHeight === 'function' ? o.getHeight() || null : null,
    sandboxMode: SandboxMode.IFRAME,
    xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
    metaTags: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Escaping

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function escapeUnquotedAttr(s: string): string {
  return escapeHtml(s).replace(/[\s=`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Makes JS source text safe inside a <script> element: no `</script>`, `<!--`, or line separators. */
function jsSafe(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function escapeJsValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'null';
  const json = JSON.stringify(v);
  return jsSafe(json === undefined ? 'null' : json);
}

function escapeJsStringBody(v: unknown, quote: string): string {
  const s = v === null || v === undefined ? '' : String(v);
  let body = JSON.stringify(s).slice(1, -1); // escapes \ " and control characters
  if (quote === "'") body = body.replace(/'/g, "\\'");
  if (quote === '`') body = body.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return jsSafe(body);
}

// ---------------------------------------------------------------------------------------------
// The context tracker

export type OutputContext = { kind: 'text' } | { kind: 'tag' } | { kind: 'attr'; quote: '"' | "'" | '' } | { kind: 'script'; quote: '' | '"' | "'" | '`' };

type State =
  | 'text'
  | 'tagOpen' // just after '<'
  | 'tagName'
  | 'endTagName'
  | 'inTag' // between attributes
  | 'attrName'
  | 'afterAttrName'
  | 'beforeAttrValue'
  | 'attrDq'
  | 'attrSq'
  | 'attrUnq'
  | 'comment'
  | 'raw'; // inside <script>, <style>, <title>, <textarea> until the matching end tag

/**
 * A deliberately small HTML tokenizer: enough to know whether a printing scriptlet sits in text,
 * in an attribute value (and how it is quoted) or in a script (and whether in a string literal).
 */
export class HtmlContextTracker {
  private state: State = 'text';
  private tagName = '';
  private isEndTag = false;
  private rawTag = ''; // 'script' | 'style' | 'title' | 'textarea'
  private rawBuf = ''; // text seen in the raw element (to find its end tag)
  private js: { quote: '' | '"' | "'" | '`'; comment: '' | 'line' | 'block'; escape: boolean; prev: string } = {
    quote: '',
    comment: '',
    escape: false,
    prev: '',
  };

  /** Feeds static template text. */
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) this.step(text[i]!, text, i);
  }

  /** Feeds a printed value: it does not change the context, except that it counts as content. */
  feedPrinted(): void {
    if (this.state === 'beforeAttrValue') this.state = 'attrUnq';
    if (this.state === 'raw') this.js.prev = 'x';
  }

  context(): OutputContext {
    switch (this.state) {
      case 'attrDq':
        return { kind: 'attr', quote: '"' };
      case 'attrSq':
        return { kind: 'attr', quote: "'" };
      case 'attrUnq':
      case 'beforeAttrValue':
        return { kind: 'attr', quote: '' };
      case 'tagOpen':
      case 'tagName':
      case 'endTagName':
      case 'inTag':
      case 'attrName':
      case 'afterAttrName':
        return { kind: 'tag' };
      case 'raw':
        if (this.rawTag === 'script') {
          return { kind: 'script', quote: this.js.comment ? '' : this.js.quote };
        }
        return { kind: 'text' };
      default:
        return { kind: 'text' };
    }
  }

  private step(c: string, text: string, i: number): void {
    switch (this.state) {
      case 'text':
        if (c === '<') this.state = 'tagOpen';
        return;
      case 'tagOpen':
        if (c === '!' && text.startsWith('!--', i)) {
          this.state = 'comment';
        } else if (c === '/') {
          this.state = 'endTagName';
          this.isEndTag = true;
          this.tagName = '';
        } else if (/[A-Za-z]/.test(c)) {
          this.state = 'tagName';
          this.isEndTag = false;
          this.tagName = c.toLowerCase();
        } else {
          this.state = c === '<' ? 'tagOpen' : 'text';
        }
        return;
      case 'tagName':
      case 'endTagName':
        if (/\s/.test(c)) this.state = 'inTag';
        else if (c === '>') this.closeTag();
        else if (c === '/') this.state = 'inTag';
        else this.tagName += c.toLowerCase();
        return;
      case 'inTag':
        if (c === '>') this.closeTag();
        else if (!/[\s/]/.test(c)) this.state = 'attrName';
        return;
      case 'attrName':
        if (c === '=') this.state = 'beforeAttrValue';
        else if (c === '>') this.closeTag();
        else if (/\s/.test(c)) this.state = 'afterAttrName';
        else if (c === '/') this.state = 'inTag';
        return;
      case 'afterAttrName':
        if (c === '=') this.state = 'beforeAttrValue';
        else if (c === '>') this.closeTag();
        else if (!/\s/.test(c)) this.state = 'attrName';
        return;
      case 'beforeAttrValue':
        if (c === '"') this.state = 'attrDq';
        else if (c === "'") this.state = 'attrSq';
        else if (c === '>') this.closeTag();
        else if (!/\s/.test(c)) this.state = 'attrUnq';
        return;
      case 'attrDq':
        if (c === '"') this.state = 'inTag';
        return;
      case 'attrSq':
        if (c === "'") this.state = 'inTag';
        return;
      case 'attrUnq':
        if (/\s/.test(c)) this.state = 'inTag';
        else if (c === '>') this.closeTag();
        return;
      case 'comment':
        if (c === '>' && text.slice(Math.max(0, i - 2), i) === '--') this.state = 'text';
        return;
      case 'raw':
        this.rawBuf += c;
        if (c === '>') {
          const m = /<\/([a-z]+)\s*>$/i.exec(this.rawBuf.slice(-20));
          if (m && m[1]!.toLowerCase() === this.rawTag) {
            this.state = 'text';
            this.rawBuf = '';
            this.rawTag = '';
            return;
          }
        }
        if (this.rawTag === 'script') this.stepJs(c);
        return;
    }
  }

  private closeTag(): void {
    const raw = ['script', 'style', 'title', 'textarea'];
    if (!this.isEndTag && raw.includes(this.tagName)) {
      this.state = 'raw';
      this.rawTag = this.tagName;
      this.rawBuf = '';
      this.js = { quote: '', comment: '', escape: false, prev: '' };
    } else {
      this.state = 'text';
    }
  }

  private stepJs(c: string): void {
    const js = this.js;
    if (js.comment === 'line') {
      if (c === '\n') js.comment = '';
    } else if (js.comment === 'block') {
      if (c === '/' && js.prev === '*') js.comment = '';
    } else if (js.quote) {
      if (js.escape) js.escape = false;
      else if (c === '\\') js.escape = true;
      else if (c === js.quote) js.quote = '';
    } else if (c === '"' || c === "'" || c === '`') {
      js.quote = c;
    } else if (c === '/' && js.prev === '/') {
      js.comment = 'line';
    } else if (c === '*' && js.prev === '/') {
      js.comment = 'block';
    }
    js.prev = js.comment === 'block' && c === '*' && js.prev === '/' ? '' : c;
  }
}

/** Escapes a printed value for the context it is printed in. */
export function escapeForContext(value: unknown, context: OutputContext): string {
  switch (context.kind) {
    case 'script':
      return context.quote ? escapeJsStringBody(value, context.quote) : escapeJsValue(value);
    case 'attr':
      return context.quote
        ? escapeHtml(value === null || value === undefined ? '' : String(value))
        : escapeUnquotedAttr(value === null || value === undefined ? '' : String(value));
    default:
      return escapeHtml(value === null || value === undefined ? '' : String(value));
  }
}

// ---------------------------------------------------------------------------------------------
// The template compiler

type Segment = { type: 'text'; text: string } | { type: 'code' | 'print' | 'force'; code: string };

export function parseTemplate(src: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < src.length) {
    const start = src.indexOf('<?', i);
    if (start < 0) {
      out.push({ type: 'text', text: src.slice(i) });
      break;
    }
    if (start > i) out.push({ type: 'text', text: src.slice(i, start) });
    const end = src.indexOf('?>', start + 2);
    if (end < 0) throw gasError('Unterminated scriptlet in template');
    let body = src.slice(start + 2, end);
    let type: 'code' | 'print' | 'force' = 'code';
    if (body.startsWith('!=')) {
      type = 'force';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      type = 'print';
      body = body.slice(1);
    }
    out.push({ type, code: body });
    i = end + 2;
  }
  return out;
}

/**
 * A printing scriptlet's expression. Google's own guide writes `<?!= include('Stylesheet'); ?>`
 * (https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript),
 * so a trailing semicolon is allowed.
 */
function expression(code: string): string {
  return code.trim().replace(/;+\s*$/, '');
}

/**
 * Compiles a template to the JS its getCode() shows. The generated code calls
 * `output._(text)` for static text, `output._$(value)` for printing scriptlets (contextual
 * escaping) and `output._(value)` for force-printing ones; the context of each printing
 * scriptlet is decided at compile time from the static text before it.
 */
export function compileTemplate(src: string): { code: string; contexts: OutputContext[] } {
  const segments = parseTemplate(src);
  const tracker = new HtmlContextTracker();
  const contexts: OutputContext[] = [];
  const lines: string[] = ['(function() { var output = HtmlService.initTemplate();'];
  for (const seg of segments) {
    if (seg.type === 'text') {
      tracker.feed(seg.text);
      lines.push(`  output._ = ${JSON.stringify(seg.text)};`);
    } else if (seg.type === 'code') {
      lines.push(`  ${seg.code.trim()}`);
    } else if (seg.type === 'print') {
      contexts.push(tracker.context());
      tracker.feedPrinted();
      lines.push(`  output._$ = (${expression(seg.code)});`);
    } else {
      tracker.feedPrinted();
      lines.push(`  output._ = (${expression(seg.code)});`);
    }
  }
  lines.push('  return output.$out; })();');
  return { code: lines.join('\n'), contexts };
}

export class HtmlTemplate implements Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'> {
  readonly [COUNTED] = 'HtmlTemplate';
  [propName: string]: unknown;

  constructor(raw: string, service: HtmlServiceImpl) {
    Object.defineProperty(this, '__raw', { value: raw, enumerable: false });
    Object.defineProperty(this, '__service', { value: service, enumerable: false });
  }

  getRawContent(): string {
    return this.__raw as string;
  }
  getCode(): string {
    return compileTemplate(this.__raw as string).code;
  }
  getCodeWithComments(): string {
    return this.getCode();
  }
  evaluate(): GasHtmlOutput {
    const service = this.__service as HtmlServiceImpl;
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(this)) props[k] = this[k];
    const { code, contexts } = compileTemplate(this.__raw as string);
    let printIndex = 0;
    let out = '';
    const output = {
      set _(v: unknown) {
        out += v === null || v === undefined ? '' : String(v);
      },
      set _$(v: unknown) {
        out += escapeForContext(v, contexts[printIndex++] ?? { kind: 'text' });
      },
      get $out() {
        return out;
      },
    };
    // The compiled code starts with HtmlService.initTemplate() (as getCode() shows on Google);
    // scriptlets may still call the service itself.
    const HtmlServiceShim = Object.assign(Object.create(service) as object, { initTemplate: () => output });
    service.runTemplateCode(code, props, HtmlServiceShim);
    return service.createHtmlOutput(out);
  }
}

// ---------------------------------------------------------------------------------------------
// The service

export interface HtmlServiceOptions {
  /**
   * Reads a project HTML file by its Apps Script name, without extension: createHtmlOutputFromFile('About')
   * (or 'About.html') asks for 'About', which the runtime maps to dist/About.html. null if absent.
   */
  readFile: (fileName: string) => string | null;
  /**
   * The script's global vm context, so template code sees the script's functions (include()).
   * Without it, template code runs in a fresh context that has only the template's properties.
   */
  scriptContext?: () => vm.Context | undefined;
  /**
   * The script's global names (its top-level functions and the services), in scope for template
   * code as in Apps Script, where scriptlets run in the project's global scope: Google's add-on
   * template prints `<?!= include('Stylesheet'); ?>`, and include() is a server function that
   * returns HtmlService.createHtmlOutputFromFile(name).getContent()
   * (https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript).
   */
  scriptScope?: () => Record<string, unknown>;
}

export type HtmlServiceImplApi = Pick<
  GoogleAppsScript.HTML.HtmlService,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'getUserAgent'
> & {
  SandboxMode: typeof SandboxMode;
  XFrameOptionsMode: typeof XFrameOptionsMode;
};

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private fallbackContext: vm.Context | null = null;

  constructor(
    readonly ctx: RuntimeContext,
    private readonly options: HtmlServiceOptions,
  ) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    const content = html === undefined || html === null ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new HtmlOutput(content, this) as unknown as GasHtmlOutput;
  }

  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    return this.createHtmlOutput(this.readProjectFile(filename));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlTemplate {
    const content = typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new HtmlTemplate(content, this) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.createTemplate(this.readProjectFile(filename));
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (SalesDesk local runtime)';
  }

  /** "No HTML file named About was found." is the message Apps Script gives for a missing file. */
  private readProjectFile(filename: string): string {
    const name = String(filename).replace(/\.html$/i, '');
    const text = this.options.readFile(name);
    if (text === null || text === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return text;
  }

  /** @internal Runs compiled template code with the template's properties in scope. */
  runTemplateCode(code: string, props: Record<string, unknown>, htmlServiceShim: unknown): void {
    const context = this.options.scriptContext?.() ?? (this.fallbackContext ??= vm.createContext({}));
    // Template code may call script functions that use HtmlService themselves, so the shim is
    // passed as a parameter (shadowing the global HtmlService only inside the template function).
    const fn = vm.runInContext('(function (__props, HtmlService) { with (__props) { return eval(__code); } })', context) as (
      props: Record<string, unknown>,
      shim: unknown,
    ) => unknown;
    const scope = Object.assign(Object.create(null) as Record<string, unknown>, this.options.scriptScope?.() ?? {}, props, { __code: code });
    delete scope.HtmlService; // the parameter below: the template's own HtmlService

    fn(scope, htmlServiceShim);
  }
}

export function createHtmlService(ctx: RuntimeContext, options: HtmlServiceOptions): HtmlServiceImpl {
  return new HtmlServiceImpl(ctx, options);
}
