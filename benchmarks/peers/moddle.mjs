// Times bpmn-moddle and bpmn-auto-layout (the bpmn.io JS stack) on one BPMN file.
//
//   node moddle.mjs OP FILE [MAX_RUNS]
//
// OP: from-xml (parse), to-xml (serialise a parsed file; parsing not timed),
//     layout (bpmn-auto-layout layoutProcess: parse, lay out, serialise; give a file without DI),
//     from-xml-many (FILE lists one BPMN path per line; parse each, count failures),
//     layout-many (FILE lists one BPMN path per line; lay out each, write it beside as PATH.auto.bpmn).
// Prints one JSON line: {"seconds": best run, "runs": [...], "warnings": n, "failed": n}.
// The packages are imported from $QMS_PEERS_NODE/node_modules (installed by `make bench`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const NODE_DIR = process.env.QMS_PEERS_NODE;

async function load(pkg) {
  const dir = join(NODE_DIR, 'node_modules', pkg);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let entry = meta.exports?.['.'] ?? meta.module ?? meta.main;
  if (typeof entry === 'object') entry = entry.import ?? entry.default;
  return import(pathToFileURL(join(dir, entry)).href);
}

const [op, file, maxRunsArg] = process.argv.slice(2);
const maxRuns = Number(maxRunsArg || 5);
const BpmnModdle = (await load('bpmn-moddle')).BpmnModdle;

async function timed(fn) {
  const runs = [];
  let total = 0;
  let result;
  // when the run is stopped at the time limit, this tells how long the operation itself ran
  console.log(JSON.stringify({ started_at: Date.now() / 1000 }));
  while (runs.length < maxRuns && (runs.length === 0 || total < 2.0)) {
    const t0 = performance.now();
    result = await fn();
    const dt = (performance.now() - t0) / 1000;
    runs.push(dt);
    total += dt;
  }
  return { runs, result };
}

let out;
if (op === 'from-xml') {
  const xml = readFileSync(file, 'utf8');
  const { runs, result } = await timed(() => new BpmnModdle().fromXML(xml, 'bpmn:Definitions'));
  out = { runs, warnings: result.warnings.length };
} else if (op === 'to-xml') {
  const xml = readFileSync(file, 'utf8');
  const moddle = new BpmnModdle();
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const { runs, result } = await timed(() => moddle.toXML(rootElement, { format: true }));
  out = { runs, bytes: Buffer.byteLength(result.xml) };
} else if (op === 'layout') {
  const { layoutProcess } = await load('bpmn-auto-layout');
  const xml = readFileSync(file, 'utf8');
  const { runs, result } = await timed(() => layoutProcess(xml));
  out = { runs, bytes: Buffer.byteLength(result) };
} else if (op === 'from-xml-many') {
  const files = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let failed = 0;
  let warnings = 0;
  const { runs } = await timed(async () => {
    failed = 0;
    warnings = 0;
    for (const xml of texts) {
      try {
        const r = await new BpmnModdle().fromXML(xml, 'bpmn:Definitions');
        warnings += r.warnings.length;
      } catch (e) {
        failed += 1;
      }
    }
  });
  out = { runs, warnings, failed, files: files.length };
} else if (op === 'layout-many') {
  const { layoutProcess } = await load('bpmn-auto-layout');
  const files = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let failed = 0;
  const { runs } = await timed(async () => {
    failed = 0;
    for (const f of files) {
      try {
        writeFileSync(`${f}.auto.bpmn`, await layoutProcess(readFileSync(f, 'utf8')));
      } catch (e) {
        failed += 1;
      }
    }
  });
  out = { runs, failed, files: files.length };
} else {
  console.error(`unknown op ${op}`);
  process.exit(2);
}
out.seconds = Math.min(...out.runs);
console.log(JSON.stringify(out));
