#!/usr/bin/env node
// readability-peer.js: pages per second of Mozilla Readability (with jsdom
// building the DOM), the peer that bench/pages measures corro's HTML
// extractor against.
//
//   node bench/readability-peer.js PAGES-DIR [--passes N]
//
// Reads every PAGES-DIR/x/source.html into memory first, then for each page
// parses it with jsdom (url http://fakehost/test/page.html, as Readability's
// own tests do) and runs new Readability(document).parse(); only that is
// timed.  The best of N passes (default 2) is reported, as one JSON object:
// pages, bytes, passes, seconds, pages_per_s, mb_per_s.
'use strict';

const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function main() {
	const args = process.argv.slice(2);
	let dir = null;
	let passes = 2;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--passes') passes = parseInt(args[++i], 10);
		else dir = args[i];
	}
	if (!dir || !(passes >= 1)) {
		process.stderr.write('usage: readability-peer.js PAGES-DIR [--passes N]\n');
		process.exit(2);
	}
	const pages = [];
	let bytes = 0;
	for (const name of fs.readdirSync(dir).sort()) {
		const file = path.join(dir, name, 'source.html');
		if (!fs.existsSync(file)) continue;
		const html = fs.readFileSync(file, 'utf8');
		bytes += Buffer.byteLength(html, 'utf8');
		pages.push(html);
	}
	const vc = new VirtualConsole(); // jsdom's CSS and script complaints stay quiet
	let best = Infinity;
	let chars = 0;
	for (let p = 0; p < passes; p++) {
		const t0 = process.hrtime.bigint();
		chars = 0;
		for (const html of pages) {
			const dom = new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: vc });
			const article = new Readability(dom.window.document).parse();
			if (article && article.textContent) chars += article.textContent.length;
			dom.window.close();
		}
		const s = Number(process.hrtime.bigint() - t0) / 1e9;
		if (s < best) best = s;
	}
	process.stdout.write(JSON.stringify({
		pages: pages.length, bytes, passes, seconds: +best.toFixed(4),
		pages_per_s: +(pages.length / best).toFixed(2),
		mb_per_s: +(bytes / 1e6 / best).toFixed(3), text_chars: chars,
	}) + '\n');
}

main();
