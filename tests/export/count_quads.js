#!/usr/bin/env node
// Count the triples/quads of an RDF file with independent JavaScript parsers:
// N3.js for Turtle, TriG, N-Triples and N-Quads, jsonld.js for JSON-LD.
// Usage: node tests/export/count_quads.js FORMAT FILE   (FORMAT: turtle|trig|ntriples|nquads|jsonld)
// Prints the count on stdout; exits 1 with the parser's message on a syntax error.
"use strict";
const fs = require("fs");

const N3_FORMATS = { turtle: "text/turtle", trig: "application/trig", ntriples: "N-Triples", nquads: "N-Quads" };

async function main() {
  const [format, file] = process.argv.slice(2);
  const text = fs.readFileSync(file, "utf8");
  if (format === "jsonld") {
    const jsonld = require("jsonld");
    // No document loader: any remote @context would fail, which is what we want offline.
    const dataset = await jsonld.toRDF(JSON.parse(text), {
      documentLoader: (url) => Promise.reject(new Error(`remote context not allowed: ${url}`)),
      safe: true,
    });
    return dataset.length;
  }
  if (!(format in N3_FORMATS)) throw new Error(`unknown format ${format}`);
  const { Parser } = require("n3");
  const parser = new Parser({ format: N3_FORMATS[format] });
  return parser.parse(text).length;
}

main().then(
  (n) => console.log(n),
  (err) => {
    console.error(String(err && err.message ? err.message : err));
    process.exit(1);
  },
);
