// Parses Mermaid files with Mermaid itself and prints what it read as one JSON line per file:
// {"ok":true,"type":"sequence","actors":[...],"messages":[{"from","to","type","text"}...]} or
// {"ok":false,"error":"..."} with exit code 1. Mermaid wants a DOM even to parse: jsdom gives one.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

// Mermaid keeps entity codes (#59;) as placeholders until it draws; turn them back into characters.
const decode = (s) => typeof s !== 'string' ? s : s
  .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, n) => String.fromCharCode(Number(n)))
  .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, n) => `&${n};`);
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    const parsed = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    const messages = db.getMessages().map((m) => ({ from: m.from ?? null, to: m.to ?? null, type: m.type, text: decode(m.message ?? '') }));
    const actors = [...db.getActors().values()].map((a) => ({ name: a.name, description: decode(a.description) }));
    console.log(JSON.stringify({ ok: true, type: parsed.diagramType, title: decode(db.getDiagramTitle?.() ?? ''), actors, messages }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e).replace(/\n/g, ' ') }));
    process.exitCode = 1;
  }
}
