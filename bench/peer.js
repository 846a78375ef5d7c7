#!/usr/bin/env node
// peer.js: runs Microsoft Recognizers-Text (English) over a JSON Lines corpus,
// the peer that bench/run measures corro against.
//
//   node bench/peer.js CORPUS.jsonl [--max-bytes N] [--mode sentence|article]
//
// Reads whole lines of CORPUS until their total reaches N bytes (default: all),
// then, for each article's "text", runs the models that do corro's job:
// NumberModel, PercentModel (NumberRecognizer) and CurrencyModel,
// DimensionModel (NumberWithUnitRecognizer), culture English.  The JavaScript
// package (1.3.x) has no NumberRangeModel -- the .NET and Python ports do --
// so ranges are not run.  The models are built once, before the clock starts.
//
// --mode sentence (default) splits each text into sentences first (at . ! ?
// followed by space, and at line breaks) and parses each one: the library is
// built for short utterances, and its currency and dimension models are
// super-linear in the input's length, so whole articles (--mode article) run
// some 15 times slower still.  The split is part of the timed work.
// Prints one JSON object: bytes (input lines, as corro counts them), text
// bytes, articles, entities per model, init and run seconds, MB/s (10^6 bytes)
// and peak RSS.
'use strict';

const fs = require('fs');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const { Culture } = require('@microsoft/recognizers-text-suite');

function main() {
	const args = process.argv.slice(2);
	let path = null;
	let maxBytes = Infinity;
	let mode = 'sentence';
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--max-bytes') maxBytes = Number(args[++i]);
		else if (args[i] === '--mode') mode = args[++i];
		else if (!path) path = args[i];
		else throw new Error('usage: peer.js CORPUS.jsonl [--max-bytes N] [--mode sentence|article]');
	}
	if (!path || (mode !== 'sentence' && mode !== 'article'))
		throw new Error('usage: peer.js CORPUS.jsonl [--max-bytes N] [--mode sentence|article]');

	// Whole lines only, like `head` on line boundaries.
	const data = fs.readFileSync(path);
	const texts = [];
	let bytes = 0;
	let textBytes = 0;
	let start = 0;
	while (start < data.length && bytes < maxBytes) {
		let nl = data.indexOf(10, start);
		if (nl < 0) nl = data.length - 1;
		const line = data.subarray(start, nl + 1);
		bytes += line.length;
		start = nl + 1;
		if (line.toString('utf8').trim() === '') continue;
		const obj = JSON.parse(line.toString('utf8'));
		if (typeof obj.text !== 'string') continue;
		texts.push(obj.text);
		textBytes += Buffer.byteLength(obj.text, 'utf8');
	}

	const t0 = process.hrtime.bigint();
	const num = new NumberRecognizer(Culture.English);
	const unit = new NumberWithUnitRecognizer(Culture.English);
	const models = {
		number: num.getNumberModel(Culture.English),
		percent: num.getPercentageModel(Culture.English),
		currency: unit.getCurrencyModel(Culture.English),
		dimension: unit.getDimensionModel(Culture.English),
	};
	// Warm-up: compile the regexes on one short text outside the clock.
	for (const m of Object.values(models)) m.parse('More than 3,000 people paid $5 million, up 12% over 40 km.');
	const t1 = process.hrtime.bigint();

	const entities = {};
	for (const k of Object.keys(models)) entities[k] = 0;
	const split = /(?<=[.!?]["\u201d\u2019)]?)[ \t]+|\n+/;
	let sentences = 0;
	for (const text of texts) {
		const parts = mode === 'sentence' ? text.split(split) : [text];
		for (const part of parts) {
			if (part === '') continue;
			sentences++;
			for (const [k, m] of Object.entries(models))
				entities[k] += m.parse(part).length;
		}
	}
	const t2 = process.hrtime.bigint();

	const runS = Number(t2 - t1) / 1e9;
	const out = {
		peer: '@microsoft/recognizers-text-suite',
		version: require('@microsoft/recognizers-text-suite/package.json').version,
		node: process.version,
		models: Object.keys(models),
		mode,
		sentences,
		bytes,
		text_bytes: textBytes,
		articles: texts.length,
		entities,
		init_s: Number(t1 - t0) / 1e9,
		run_s: runS,
		mb_per_s: bytes / 1e6 / runS,
		max_rss_kb: process.resourceUsage().maxRSS,
	};
	process.stdout.write(JSON.stringify(out) + '\n');
}

main();
