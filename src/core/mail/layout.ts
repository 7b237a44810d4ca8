/**
 * Plain, phone-friendly e-mails built from a few kinds of block, as a plain-text body and an
 * HTML body that say the same. Every text and every link is HTML-escaped here, in one place:
 * a customer called <img src=x onerror=…> or a suggestion full of markup is text in the e-mail
 * too. Links must be https (the form links FormApp gives are), so a value from a sheet can never
 * become a javascript: link.
 */
import { escapeHtml, type DigestMail } from '../followups/digest';

/** What MailApp.sendEmail gets: recipient, subject, plain body and HTML body. */
export type Mail = DigestMail;

export type MailBlock =
  /** A paragraph; `muted` for the small grey print (reference code, opt-out). */
  | { text: string; muted?: boolean }
  /** Several short lines in one paragraph (a signature, a list of reasons). */
  | { lines: readonly string[]; muted?: boolean }
  /** The one action: a button in HTML; in plain text the line `plain`, which should contain the address. */
  | { button: string; href: string; plain: string };

/** The link itself, or an error for anything that is not an https address. */
export function safeLink(url: string): string {
  const u = url.trim();
  if (!/^https:\/\/[^\s"'<>]+$/i.test(u)) throw new Error('Only https links go into an e-mail');
  return u;
}

const MUTED = 'color:#5f6368;font-size:13px';
const BUTTON = 'display:inline-block;padding:10px 18px;background:#1a73e8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold';

export function mailHtml(blocks: readonly MailBlock[]): string {
  const body = blocks
    .map((b) => {
      if ('button' in b) return `<p><a href="${escapeHtml(safeLink(b.href))}" style="${BUTTON}">${escapeHtml(b.button)}</a></p>`;
      const style = b.muted ? ` style="${MUTED}"` : '';
      const inner = 'lines' in b ? b.lines.map(escapeHtml).join('<br>') : escapeHtml(b.text);
      return `<p${style}>${inner}</p>`;
    })
    .join('');
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#202124;max-width:560px">${body}</div>`;
}

export function mailText(blocks: readonly MailBlock[]): string {
  return blocks
    .map((b) => {
      if ('button' in b) {
        safeLink(b.href);
        return b.plain;
      }
      return 'lines' in b ? b.lines.join('\n') : b.text;
    })
    .join('\n\n');
}

export function buildMail(to: string, subject: string, blocks: readonly MailBlock[]): Mail {
  return { to, subject, body: mailText(blocks), htmlBody: mailHtml(blocks) };
}
