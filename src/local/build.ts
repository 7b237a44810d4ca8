/**
 * Builds what clasp pushes (dist/): Code.js, one self-contained .html per page, and
 * appsscript.json. Run with `npm run build`.
 *
 * Apps Script only calls top-level `function` declarations (menu items, triggers,
 * google.script.run — platform-facts B5), so the server is bundled as an IIFE whose exports
 * land on `SalesDesk`, and a wrapper `function name(){…}` is appended for every export.
 */
import { build, transform, type Plugin } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const dist = join(root, 'dist');
const GLOBAL = 'SalesDesk';
/** Apps Script V8 understands ES2019 reliably; keep the bundle there. */
const TARGET = 'es2019';

export async function buildAll(): Promise<{ entryPoints: string[]; pages: string[] }> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const entryPoints = await buildServer();
  const pages = await buildPages();
  writeFileSync(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  return { entryPoints, pages };
}

/**
 * Libraries from node_modules enter Code.js without their whitespace. esbuild keeps the line
 * breaks of the source it prints, and pinyin-pro's character table is written one character per
 * line: as printed it is ~400 KB, without the whitespace ~200 KB, and Apps Script loads Code.js on
 * every call. Our own code stays as written, so stack traces in the Apps Script log stay readable.
 */
const compactDependencies: Plugin = {
  name: 'compact-dependencies',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const { code } = await transform(source, { minifyWhitespace: true, target: TARGET, charset: 'utf8', legalComments: 'none', loader: 'js' });
      return { contents: code, loader: 'js' };
    });
  },
};

async function buildServer(): Promise<string[]> {
  const result = await build({
    plugins: [compactDependencies],
    entryPoints: [join(root, 'src/server/entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: TARGET,
    platform: 'neutral',
    charset: 'utf8',
    write: false,
    outfile: join(dist, 'Code.js'),
    legalComments: 'none',
  });
  const code = result.outputFiles[0].text;
  const names = exportedNames(code);
  const wrappers = names.map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`).join('\n');
  const header = '// Sales Desk — built by `npm run build`. Do not edit: change src/ and rebuild.\n';
  writeFileSync(join(dist, 'Code.js'), `${header}${code}\n// Entry points Apps Script can call by name.\n${wrappers}\n`);
  return names;
}

/**
 * The names the IIFE exports, read by evaluating the bundle in an empty context (esbuild's
 * metafile lists exports only for ESM output). Loading the bundle must therefore not touch
 * any Apps Script service — which is also what Apps Script itself expects of global code.
 */
function exportedNames(code: string): string[] {
  const api = runInNewContext(`${code}\n;${GLOBAL}`, {}) as Record<string, unknown>;
  const names = Object.keys(api).filter((n) => typeof api[n] === 'function');
  for (const n of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new Error(`Entry point "${n}" is not a valid function name`);
  }
  return names.sort();
}

/**
 * The page shell every src/ui/<page>/index.html is wrapped in. The page file holds only its body
 * content; when the page needs attributes of its own on <body> (template values such as
 * `data-customer="<?= customerId ?>"`), its first line is that opening `<body …>` tag, and the
 * shell puts `data-locale` first. `<?= locale ?>` stays a printing scriptlet, so HtmlService
 * escapes the value.
 */
export function pageShell(pageName: string, page: string, style: string, script: string): string {
  let attrs = '';
  let body = page;
  const open = /^<body(\s.*)?>\r?\n/.exec(page);
  if (open) {
    attrs = open[1] ?? '';
    body = page.slice(open[0].length);
  }
  if (/data-locale/i.test(attrs)) throw new Error(`${pageName}: <body> must not set data-locale (the shell does)`);
  if (/<\/?(html|head|body)\b|<!DOCTYPE/i.test(body)) throw new Error(`${pageName}: index.html holds body content only (the build adds the page shell)`);
  if (/<!-- (STYLE|SCRIPT) -->/.test(body)) throw new Error(`${pageName}: the shell places the style and script, drop the markers`);
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<base target="_top">',
    '<meta charset="utf-8">',
    style,
    '</head>',
    `<body data-locale="<?= locale ?>"${attrs}>`,
    `${body}${script}`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Each folder in src/ui/pages-like layout: src/ui/<page>/index.html (body content) + main.ts
 * (+ style.css) becomes dist/<Page>.html in the shared page shell with the script and style
 * inlined (no CDN at run time).
 * `<?` must not appear in inlined code: HtmlService templates would treat it as a scriptlet.
 */
async function buildPages(): Promise<string[]> {
  const uiDir = join(root, 'src/ui');
  const pages: string[] = [];
  for (const dir of readdirSync(uiDir)) {
    const pageDir = join(uiDir, dir);
    if (!statSync(pageDir).isDirectory() || !existsSync(join(pageDir, 'index.html'))) continue;
    const pageName = dir.charAt(0).toUpperCase() + dir.slice(1);
    const page = readFileSync(join(pageDir, 'index.html'), 'utf8');
    const js = existsSync(join(pageDir, 'main.ts'))
      ? (
          await build({
            entryPoints: [join(pageDir, 'main.ts')],
            bundle: true,
            format: 'iife',
            target: 'es2019',
            minify: true,
            charset: 'utf8',
            write: false,
            loader: { '.css': 'text' },
          })
        ).outputFiles[0].text
      : '';
    const css = [join(uiDir, 'shared/base.css'), join(pageDir, 'style.css')]
      .filter((p) => existsSync(p))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    for (const [what, text] of [
      ['script', js],
      ['style', css],
    ] as const) {
      if (/<\?|\?>/.test(text)) throw new Error(`${pageName}: inlined ${what} contains "<?" or "?>"`);
    }
    const safeJs = js.replace(/<\/script/gi, '<\\/script');
    const safeCss = css.replace(/<\/style/gi, '<\\/style');
    const html = pageShell(pageName, page, `<style>\n${safeCss}\n</style>`, `<script>\n${safeJs}\n</script>`);
    writeFileSync(join(dist, `${pageName}.html`), html);
    pages.push(pageName);
  }
  return pages;
}

if (require.main === module) {
  buildAll().then(
    ({ entryPoints, pages }) => {
      console.log(`dist/Code.js: ${entryPoints.length} entry points; pages: ${pages.join(', ') || 'none'}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
