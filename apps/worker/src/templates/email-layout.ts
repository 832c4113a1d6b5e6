import { Eta } from 'eta';

/** What the layout shows around a key's words. Every string is plain text: the HTML layout escapes it. */
export interface EmailLayoutData {
  language: string;
  subject: string;
  /** The institution the mail speaks for, or the service's name. */
  heading: string;
  paragraphs: string[];
  items: { text: string; link?: string }[];
  table?: { head: string[]; rows: string[][] };
  action: string;
  link: string;
  footer: string;
  preferencesLabel: string;
  preferencesUrl: string;
}

// Inline styles only: mail clients drop <style> blocks and external sheets.
const HTML_LAYOUT = `<!doctype html>
<html lang="<%= it.language %>">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title><%= it.subject %></title></head>
<body style="margin:0;padding:24px 12px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px">
<p style="margin:0 0 16px;font-size:13px;font-weight:bold;color:#52606d"><%= it.heading %></p>
<% it.paragraphs.forEach(function (paragraph) { %><p style="margin:0 0 12px;line-height:1.5"><%= paragraph %></p>
<% }) %><% if (it.items.length > 0) { %><ul style="margin:0 0 16px;padding-left:20px;line-height:1.5">
<% it.items.forEach(function (item) { %><li><% if (item.link) { %><a href="<%= item.link %>" style="color:#1d4ed8"><%= item.text %></a><% } else { %><%= item.text %><% } %></li>
<% }) %></ul>
<% } %><% if (it.table) { %><table style="border-collapse:collapse;margin:0 0 16px;font-size:13px">
<tr><% it.table.head.forEach(function (cell) { %><th style="border:1px solid #d1d5db;padding:4px 8px;text-align:left"><%= cell %></th><% }) %></tr>
<% it.table.rows.forEach(function (row) { %><tr><% row.forEach(function (cell) { %><td style="border:1px solid #d1d5db;padding:4px 8px"><%= cell %></td><% }) %></tr>
<% }) %></table>
<% } %><p style="margin:20px 0 0"><a href="<%= it.link %>" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px"><%= it.action %></a></p>
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:1.5;color:#6b7280"><%= it.footer %> <a href="<%= it.preferencesUrl %>" style="color:#6b7280"><%= it.preferencesLabel %></a></p>
</body>
</html>
`;

// A page for the printer: the same content in black on white, a table where the e-mail has a list.
const PRINT_LAYOUT = `<!doctype html>
<html lang="<%= it.language %>">
<head><meta charset="utf-8"><title><%= it.subject %></title>
<style>body{font-family:Arial,Helvetica,sans-serif;color:#000;margin:24px;font-size:12pt}h1{font-size:15pt;margin:0 0 12px}p{margin:0 0 10px;line-height:1.4}table{border-collapse:collapse;width:100%}td,th{border:1px solid #555;padding:3px 6px;text-align:left}@page{margin:15mm}</style></head>
<body>
<p><%= it.heading %></p>
<h1><%= it.subject %></h1>
<% it.paragraphs.forEach(function (paragraph) { %><p><%= paragraph %></p>
<% }) %><% if (it.items.length > 0) { %><table>
<% it.items.forEach(function (item) { %><tr><td><%= item.text %></td></tr>
<% }) %></table>
<% } %><% if (it.table) { %><table>
<tr><% it.table.head.forEach(function (cell) { %><th><%= cell %></th><% }) %></tr>
<% it.table.rows.forEach(function (row) { %><tr><% row.forEach(function (cell) { %><td><%= cell %></td><% }) %></tr>
<% }) %></table>
<% } %></body>
</html>
`;

const eta = new Eta({ autoEscape: true, autoTrim: false });
const compiledHtml = eta.compile(HTML_LAYOUT);
const compiledPrint = eta.compile(PRINT_LAYOUT);

/** The content alone as a printable page (no button, no footer). */
export function printableHtml(data: EmailLayoutData): string {
  return eta.render(compiledPrint, data);
}

export function emailHtml(data: EmailLayoutData): string {
  return eta.render(compiledHtml, data);
}

/** The plain-text part: the same content, links written out. */
export function emailText(data: EmailLayoutData): string {
  const blocks = [data.heading, ...data.paragraphs];
  if (data.items.length > 0) blocks.push(data.items.map((item) => `- ${item.text}${item.link ? `\n  ${item.link}` : ''}`).join('\n'));
  if (data.table) blocks.push([data.table.head, ...data.table.rows].map((row) => row.join(' | ')).join('\n'));
  blocks.push(`${data.action}: ${data.link}`);
  blocks.push(`-- \n${data.footer}\n${data.preferencesLabel}: ${data.preferencesUrl}`);
  return `${blocks.join('\n\n')}\n`;
}
