// Builds dist/widget.js: npm's socket.io-client and src/widget.js (with src/widget.css
// inlined) in one self-contained script. No bundler: socket.io-client's UMD build is run
// with a private `module` object, so it neither sets a global `io` nor talks to an AMD
// loader of the host page. The output is pure ASCII (every other character is written as a
// \uXXXX escape), so it reads correctly whatever encoding the shop's page declares (GBK...).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "node_modules", "socket.io-client");
const clientPath = join(clientDir, "dist", "socket.io.min.js");
const clientVersion = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8")).version;

const client = readFileSync(clientPath, "utf8").replace(/\/\/# sourceMappingURL=.*$/m, "");
const css = readFileSync(join(here, "src", "widget.css"), "utf8");
const source = readFileSync(join(here, "src", "widget.js"), "utf8");
const token = "__WIDGET_CSS__";
if (source.split(token).length !== 2) throw new Error(`${token} must appear exactly once`);
const widget = source.replace(token, () => JSON.stringify(css));

const bundle = `/*! Complaint-intake shop widget. Bundles socket.io-client ${clientVersion} (MIT License). */
(function () {
var module = { exports: {} };
var exports = module.exports;
var define;
${client}
var io = module.exports;
var script = document.currentScript;
${widget}
startComplaintWidget(io, script);
})();
`;

const ascii = bundle.replace(/[^\x00-\x7e]/g, (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0"));
const out = join(here, "dist", "widget.js");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, ascii);
console.log(`wrote ${out} (${ascii.length} bytes, socket.io-client ${clientVersion})`);
