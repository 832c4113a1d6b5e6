/**
 * Runs the real sanitiser in a plain Node process (see src/html/sanitize.ts for why Jest cannot).
 * stdin: {"sanitize": string[], "text": string[]}; stdout: the same shape with results.
 */
import { htmlToText, sanitizeMessageHtml } from '../src/html/sanitize';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
});
process.stdin.on('end', () => {
  const req = JSON.parse(input) as { sanitize: string[]; text: string[] };
  const started = Date.now();
  const sanitize = req.sanitize.map((h) => sanitizeMessageHtml(h));
  const resanitize = sanitize.map((h) => sanitizeMessageHtml(h));
  const text = req.text.map((h) => htmlToText(h));
  process.stdout.write(JSON.stringify({ sanitize, resanitize, text, ms: Date.now() - started }));
});
